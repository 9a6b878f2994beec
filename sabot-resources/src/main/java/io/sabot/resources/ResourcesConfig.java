package io.sabot.resources;

import io.sabot.api.resources.BackpressureThresholds;
import java.time.Duration;
import java.util.Objects;

/**
 * The resource monitor's settings. Defaults ({@link #defaults()}): a pass every {@link #DEFAULT_INTERVAL} (1 s),
 * {@link BackpressureThresholds#DEFAULT} thresholds, no limits ({@link ResourceLimits#NONE}), a throttle released
 * when the agent's CPU has stayed under {@link #DEFAULT_THROTTLE_RELEASE_RATIO} (0.5) of its limit for
 * {@link #DEFAULT_THROTTLE_RELEASE_PASSES} (3) passes in a row, and the episodes of an
 * agent that is no longer listed forgotten after {@link #DEFAULT_FORGET_AFTER_PASSES} (60) passes. Immutable.
 */
public final class ResourcesConfig {

    /** The default interval between monitoring passes: one second. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /** The shortest interval accepted: 10 milliseconds. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    /** The default share of a CPU limit under which a throttle is released. */
    public static final double DEFAULT_THROTTLE_RELEASE_RATIO = 0.5;
    /** The default number of passes in a row an agent must stay comfortably below its CPU limit to be released. */
    public static final int DEFAULT_THROTTLE_RELEASE_PASSES = 3;
    /** The default number of passes an absent agent's episodes are kept. */
    public static final int DEFAULT_FORGET_AFTER_PASSES = 60;

    private final Duration interval;
    private final BackpressureThresholds thresholds;
    private final ResourceLimits limits;
    private final double throttleReleaseRatio;
    private final int throttleReleasePasses;
    private final int forgetAfterPasses;

    private ResourcesConfig(Builder b) {
        this.interval = b.interval;
        this.thresholds = b.thresholds;
        this.limits = b.limits;
        this.throttleReleaseRatio = b.throttleReleaseRatio;
        this.throttleReleasePasses = b.throttleReleasePasses;
        this.forgetAfterPasses = b.forgetAfterPasses;
    }

    /** {@return the default settings} */
    public static ResourcesConfig defaults() {
        return builder().build();
    }

    /** {@return a builder holding the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these settings} */
    public Builder toBuilder() {
        return new Builder().interval(interval).thresholds(thresholds).limits(limits)
                .throttleReleaseRatio(throttleReleaseRatio).throttleReleasePasses(throttleReleasePasses).forgetAfterPasses(forgetAfterPasses);
    }

    /** {@return the time between the end of one pass and the start of the next} */
    public Duration interval() {
        return interval;
    }

    /** {@return the backpressure thresholds} */
    public BackpressureThresholds thresholds() {
        return thresholds;
    }

    /** {@return the limits of the worker, of every agent and of named agents} */
    public ResourceLimits limits() {
        return limits;
    }

    /** {@return the share of a CPU limit under which a THROTTLE episode ends and the throttle is released} */
    public double throttleReleaseRatio() {
        return throttleReleaseRatio;
    }

    /** {@return how many passes in a row an agent must stay under the release ratio for its throttle to be released} */
    public int throttleReleasePasses() {
        return throttleReleasePasses;
    }

    /** {@return how many passes the episodes of an agent that is no longer listed are kept} */
    public int forgetAfterPasses() {
        return forgetAfterPasses;
    }

    @Override
    public String toString() {
        return "ResourcesConfig[interval=" + interval + ", thresholds=" + thresholds + ", limits=" + limits
                + ", throttleReleaseRatio=" + throttleReleaseRatio + ", throttleReleasePasses=" + throttleReleasePasses
                + ", forgetAfterPasses=" + forgetAfterPasses + "]";
    }

    /** Builds {@link ResourcesConfig}; starts from the defaults. Not thread-safe. */
    public static final class Builder {
        private Duration interval = DEFAULT_INTERVAL;
        private BackpressureThresholds thresholds = BackpressureThresholds.DEFAULT;
        private ResourceLimits limits = ResourceLimits.NONE;
        private double throttleReleaseRatio = DEFAULT_THROTTLE_RELEASE_RATIO;
        private int throttleReleasePasses = DEFAULT_THROTTLE_RELEASE_PASSES;
        private int forgetAfterPasses = DEFAULT_FORGET_AFTER_PASSES;

        private Builder() {
        }

        /**
         * Sets the interval between passes (default 1 s).
         *
         * @param interval at least {@link #MIN_INTERVAL}
         * @return this builder
         * @throws IllegalArgumentException if shorter than 10 ms
         */
        public Builder interval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(MIN_INTERVAL) < 0) {
                throw new IllegalArgumentException("the resource monitor's interval must be at least "
                        + MIN_INTERVAL.toMillis() + " ms, got " + interval.toMillis() + " ms");
            }
            this.interval = interval;
            return this;
        }

        /**
         * Sets the backpressure thresholds (default {@link BackpressureThresholds#DEFAULT}).
         *
         * @param thresholds the thresholds
         * @return this builder
         */
        public Builder thresholds(BackpressureThresholds thresholds) {
            this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
            return this;
        }

        /**
         * Sets the limits (default none).
         *
         * @param limits the limits
         * @return this builder
         */
        public Builder limits(ResourceLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Sets the share of a CPU limit under which a throttle is released (default 0.5).
         *
         * @param ratio between 0 (exclusive) and 1 (inclusive)
         * @return this builder
         * @throws IllegalArgumentException if out of range
         */
        public Builder throttleReleaseRatio(double ratio) {
            if (!(ratio > 0.0 && ratio <= 1.0)) {
                throw new IllegalArgumentException("the throttle release ratio must be above 0 and at most 1, got "
                        + ratio);
            }
            this.throttleReleaseRatio = ratio;
            return this;
        }

        /**
         * Sets how many passes in a row an agent's CPU must stay under the release ratio for its throttle to be
         * released (default 3).
         *
         * @param passes one or more
         * @return this builder
         * @throws IllegalArgumentException if below 1
         */
        public Builder throttleReleasePasses(int passes) {
            if (passes < 1) {
                throw new IllegalArgumentException("throttleReleasePasses must be 1 or more, got " + passes);
            }
            this.throttleReleasePasses = passes;
            return this;
        }

        /**
         * Sets how many passes the episodes of an agent that is no longer listed are kept (default 60).
         *
         * @param passes zero or more
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder forgetAfterPasses(int passes) {
            if (passes < 0) {
                throw new IllegalArgumentException("forgetAfterPasses must be zero or more, got " + passes);
            }
            this.forgetAfterPasses = passes;
            return this;
        }

        /** {@return the settings} */
        public ResourcesConfig build() {
            return new ResourcesConfig(this);
        }
    }
}
