package io.sabot.cli;

import io.sabot.api.Durations;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/** Reads durations written as {@code 60}, {@code 60s}, {@code 5m} or {@code PT1M}. */
public final class DurationConverter implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        return Durations.parse(value);
    }
}
