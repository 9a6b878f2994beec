package io.sabot.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints Sabot's version (from the jar's manifest) and the JVM it runs on. */
public final class SabotVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = SabotVersion.class.getPackage().getImplementationVersion();
        return new String[] {
            "sabot " + (version == null ? "(development build)" : version),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
