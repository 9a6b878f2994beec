package io.sabot.resources;

import io.sabot.api.resources.ResourceProbe;
import java.time.Clock;
import java.util.List;
import oshi.SystemInfo;

/** Creates the built-in probes: process, system, JVM and container. Stateless. */
public final class StandardProbes {

    private StandardProbes() {
    }

    /**
     * Creates the built-in probes, sharing one OSHI {@link SystemInfo}.
     *
     * @param clock stamps the samples
     * @return a {@link ProcessProbe}, a {@link SystemProbe}, a {@link JvmProbe} and a {@link ContainerProbe}
     */
    public static List<ResourceProbe> create(Clock clock) {
        SystemInfo info = new SystemInfo();
        return List.of(new ProcessProbe(info, clock, System::nanoTime), new SystemProbe(info, clock),
                new JvmProbe(clock), new ContainerProbe(info, clock));
    }
}
