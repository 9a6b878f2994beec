package com.example;

import io.sabot.api.supervision.RestartIntensity;

/** Compiles only if the versionless Sabot dependencies resolved through the BOM. */
public final class UsesSabot {
    private UsesSabot() {
    }

    /** @return the default restart intensity, read through the Sabot API */
    public static RestartIntensity intensity() {
        return RestartIntensity.DEFAULT;
    }
}
