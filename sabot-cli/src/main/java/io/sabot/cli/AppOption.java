package io.sabot.cli;

import picocli.CommandLine.Option;

/** The {@code -A/--app} option: the app's class name. */
public final class AppOption {

    @Option(names = {"-A", "--app"}, required = true, paramLabel = "CLASS",
            description = "The app's class, for example io.sabot.examples.fraud.FraudApp.")
    private String className;

    /** {@return the app's class name} */
    public String className() {
        return className;
    }
}
