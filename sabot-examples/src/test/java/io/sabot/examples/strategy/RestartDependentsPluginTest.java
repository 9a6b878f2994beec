package io.sabot.examples.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import io.sabot.api.plugin.SabotPlugin;
import io.sabot.api.supervision.Child;
import io.sabot.api.supervision.ChildFactory;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.SupervisionEvent;
import io.sabot.api.supervision.SupervisionStrategy;
import io.sabot.supervision.SupervisionStrategies;
import io.sabot.supervision.Supervisor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Discovers plugins the way the runtime does (ServiceLoader, then one Guice injector), finds the example strategy by
 * name, and runs a supervisor with it.
 */
class RestartDependentsPluginTest {

    private final List<String> starts = new CopyOnWriteArrayList<>();
    private final Map<String, LinkedBlockingQueue<String>> inboxes = new ConcurrentHashMap<>();

    /** A child that runs until it receives "crash" or a stop request. */
    private ChildFactory child(String id) {
        return args -> {
            LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
            inboxes.put(id, inbox);
            starts.add(id);
            return new Child() {
                @Override
                public void run() throws InterruptedException {
                    if ("crash".equals(inbox.take())) {
                        throw new IllegalStateException(id + " crashed");
                    }
                }

                @Override
                public void requestStop() {
                    inbox.add("stop");
                }
            };
        };
    }

    @Test
    void theStrategyIsFoundByNameThroughServiceLoaderAndGuice() throws Exception {
        List<Module> modules = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SabotPlugin plugin : ServiceLoader.load(SabotPlugin.class)) {
            names.add(plugin.pluginName());
            modules.add((Module) plugin);
        }
        assertThat(names).contains("SupervisionModule", "RestartDependentsPlugin");
        Injector injector = Guice.createInjector(modules);
        SupervisionStrategies strategies = injector.getInstance(SupervisionStrategies.class);
        assertThat(strategies.names()).contains("restart_dependents", "one_for_one");
        SupervisionStrategy strategy = strategies.get("restart_dependents");
        assertThat(strategy).isInstanceOf(RestartDependentsStrategy.class);

        CountDownLatch apiRestarted = new CountDownLatch(1);
        Supervisor sup = Supervisor.builder("app").strategy(strategy)
                .listener(e -> {
                    if (e instanceof SupervisionEvent.ChildRestarted
                            && ((SupervisionEvent.ChildRestarted) e).child().equals("api")) {
                        apiRestarted.countDown();
                    }
                })
                .child(ChildSpec.worker("db", child("db")).build())
                .child(ChildSpec.worker("metrics", child("metrics")).build())
                .child(ChildSpec.worker("cache", child("cache")).attribute("depends-on", "db").build())
                .child(ChildSpec.worker("api", child("api")).attribute("depends-on", "cache").build())
                .build();
        sup.start();
        try {
            inboxes.get("db").add("crash");
            assertThat(apiRestarted.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(starts).containsExactly("db", "metrics", "cache", "api", "db", "cache", "api");
            assertThat(sup.whichChildren()).extracting(i -> i.restarts()).containsExactly(1, 0, 1, 1);
        } finally {
            sup.stop();
        }
    }
}
