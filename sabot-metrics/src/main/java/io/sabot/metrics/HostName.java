package io.sabot.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** This host's name, for default instance labels. */
final class HostName {

    private HostName() {
    }

    /** {@return the local host's name, or {@code localhost} if it cannot be found} */
    static String local() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
