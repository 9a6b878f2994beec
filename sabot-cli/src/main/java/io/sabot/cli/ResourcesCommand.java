package io.sabot.cli;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.TypeLiteral;
import io.sabot.api.resources.Reading;
import io.sabot.api.resources.ResourceProbe;
import io.sabot.api.resources.ResourceSample;
import io.sabot.runtime.plugin.PluginLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sabot resources}: one snapshot of this machine and JVM, through the installed resource probes. */
@Command(name = "resources", mixinStandardHelpOptions = true,
        description = "Shows one snapshot of this machine and JVM: CPU, memory, threads, open files, heap, GC.")
public final class ResourcesCommand implements Callable<Integer> {

    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException {
        Injector injector = PluginLoader.createInjector(
                PluginLoader.discover(Thread.currentThread().getContextClassLoader()), List.of());
        Binding<Set<ResourceProbe>> binding = injector.getExistingBinding(
                Key.get(new TypeLiteral<Set<ResourceProbe>>() { }));
        if (binding == null || binding.getProvider().get().isEmpty()) {
            throw new CliException(ExitCodes.FAILURE, "no resource probe is installed (add sabot-resources)");
        }
        List<ResourceProbe> probes = new ArrayList<>(binding.getProvider().get());
        probes.forEach(ResourceProbe::sample);
        TimeUnit.MILLISECONDS.sleep(250);
        List<ResourceSample> samples = new ArrayList<>();
        probes.forEach(p -> samples.add(p.sample()));
        if (json) {
            Map<String, Map<String, Object>> doc = new LinkedHashMap<>();
            for (ResourceSample s : samples) {
                Map<String, Object> figures = new TreeMap<>();
                s.readings().forEach((k, r) -> figures.put(k, r.isAvailable() ? r.value()
                        : Map.of("unavailable", r.unavailableReason())));
                doc.put(s.probe(), figures);
            }
            Json.print(spec.commandLine().getOut(), doc);
            return ExitCodes.OK;
        }
        Table table = new Table("PROBE", "FIGURE", "VALUE");
        for (ResourceSample s : samples) {
            new TreeMap<>(s.readings()).forEach((k, r) -> table.row(s.probe(), k, render(k, r)));
        }
        table.print(spec.commandLine().getOut());
        return ExitCodes.OK;
    }

    private static String render(String figure, Reading r) {
        if (!r.isAvailable()) {
            return "n/a (" + r.unavailableReason() + ")";
        }
        if (figure.endsWith("_bytes")) {
            return Table.bytes((long) r.value());
        }
        if (figure.endsWith("_ratio")) {
            return String.format(java.util.Locale.ROOT, "%.1f%%", r.value() * 100);
        }
        double v = r.value();
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.3f", v);
    }
}
