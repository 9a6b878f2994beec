package io.sabot.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.supervision.ChildInfo;
import io.sabot.api.supervision.ChildState;
import io.sabot.api.supervision.RestartIntensity;
import io.sabot.api.supervision.RestartPolicy;
import io.sabot.api.supervision.SupervisionStrategy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of crashes, normal exits, failing starts and passing time, run against the real supervisor and
 * against a small reference model of OTP's semantics written independently of it. They must agree, after every
 * step, on which children run, on every child's restart count, on the number of starts, and on when the supervisor
 * gives up.
 */
class SupervisorModelPropertyTest {

    private static final List<String> STRATEGIES = List.of("one_for_one", "one_for_all", "rest_for_one");
    private static final Duration PERIOD = Duration.ofSeconds(10);

    sealed interface Action permits Crash, Exit, FailStarts, Advance {
    }

    record Crash(int child) implements Action {
    }

    record Exit(int child) implements Action {
    }

    record FailStarts(int child, int count) implements Action {
    }

    record Advance(int seconds) implements Action {
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Integer> child = Arbitraries.integers().between(0, 3);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, child.map(Crash::new)),
                net.jqwik.api.Tuple.of(2, child.map(Exit::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(child, Arbitraries.integers().between(1, 2))
                        .as(FailStarts::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(1, 12).map(Advance::new)));
        return action.list().ofMinSize(1).ofMaxSize(14);
    }

    @Provide
    Arbitrary<List<RestartPolicy>> policies() {
        return Arbitraries.of(RestartPolicy.class).list().ofSize(4);
    }

    @Property(tries = 150)
    void realSupervisorAgreesWithTheModel(@ForAll("actions") List<Action> actions,
                                          @ForAll("policies") @Size(4) List<RestartPolicy> policies,
                                          @ForAll @IntRange(min = 0, max = 4) int maxRestarts,
                                          @ForAll @IntRange(min = 0, max = 2) int strategyIndex) throws Exception {
        String strategyName = STRATEGIES.get(strategyIndex);
        SupervisionStrategy strategy = SupervisionStrategies.builtIns().get(strategyName);
        ManualClock clock = new ManualClock();
        Fixture fx = new Fixture();
        Supervisor.Builder builder = Supervisor.builder("prop").strategy(strategy).clock(clock).listener(fx)
                .intensity(RestartIntensity.of(maxRestarts, PERIOD));
        Model model = new Model(strategyName, maxRestarts, clock.instant());
        for (int i = 0; i < 4; i++) {
            builder.child(fx.worker("c" + i, policies.get(i)));
            model.children.add(new ModelChild("c" + i, policies.get(i)));
        }
        Supervisor sup = builder.build();
        sup.start();
        try {
            for (Action action : actions) {
                if (action instanceof Advance) {
                    clock.advance(Duration.ofSeconds(((Advance) action).seconds()));
                    model.now = clock.instant();
                    continue;
                }
                if (action instanceof FailStarts) {
                    FailStarts f = (FailStarts) action;
                    if (model.find("c" + f.child()) == null) {
                        continue; // a removed temporary child
                    }
                    fx.failNextStarts("c" + f.child(), f.count());
                    model.find("c" + f.child()).failStarts = f.count();
                    continue;
                }
                int index = action instanceof Crash ? ((Crash) action).child() : ((Exit) action).child();
                ModelChild target = model.find("c" + index);
                if (target == null || !target.running) {
                    continue; // only running children can exit
                }
                if (action instanceof Crash) {
                    fx.crash(target.id);
                } else {
                    fx.exitNormally(target.id);
                }
                model.exit(target, action instanceof Crash);
                int expectedStarts = model.starts;
                settle().untilAsserted(() -> assertThat(fx.log.stream().filter(s -> s.startsWith("start:")).count())
                        .as("starts after %s", action).isGreaterThanOrEqualTo(expectedStarts));
                if (model.gaveUp) {
                    assertThat(sup.termination().get().kind()).as("gave up, as the model did")
                            .isEqualTo(SupervisorOutcome.Kind.GAVE_UP);
                    break;
                }
                settle().untilAsserted(() -> assertThat(summary(sup.whichChildren())).as("children after %s", action)
                        .isEqualTo(model.summary()));
                assertThat(sup.termination()).as("still running, as the model is").isNotDone();
            }
            assertThat(fx.log.stream().filter(s -> s.startsWith("start:")).count()).as("starts")
                    .isEqualTo(model.starts);
            assertThat(fx.log.stream().filter(s -> s.startsWith("start-failed:")).count()).as("failed starts")
                    .isEqualTo(model.failedStarts);
            if (!model.gaveUp) {
                assertThat(summary(sup.whichChildren())).isEqualTo(model.summary());
            }
        } finally {
            sup.stop();
        }
    }

    /** The real supervisor settles in milliseconds; a disagreement fails after this bound. */
    private static org.awaitility.core.ConditionFactory settle() {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(2));
    }

    private static List<String> summary(List<ChildInfo> infos) {
        List<String> out = new ArrayList<>();
        for (ChildInfo i : infos) {
            out.add(i.id() + ":" + (i.state() == ChildState.RUNNING ? "up" : "down") + ":" + i.restarts());
        }
        return out;
    }

    private static final class ModelChild {
        final String id;
        final RestartPolicy policy;
        boolean running = true;
        boolean pending;
        int restarts;
        int failStarts;

        ModelChild(String id, RestartPolicy policy) {
            this.id = id;
            this.policy = policy;
        }
    }

    /** OTP's supervisor semantics, as plainly as possible. */
    private static final class Model {
        final String strategy;
        final int maxRestarts;
        final List<ModelChild> children = new ArrayList<>();
        final Deque<Instant> window = new ArrayDeque<>();
        Instant now;
        int starts = 4;
        int failedStarts;
        boolean gaveUp;

        Model(String strategy, int maxRestarts, Instant now) {
            this.strategy = strategy;
            this.maxRestarts = maxRestarts;
            this.now = now;
        }

        ModelChild find(String id) {
            for (ModelChild c : children) {
                if (c.id.equals(id)) {
                    return c;
                }
            }
            return null;
        }

        List<String> summary() {
            List<String> out = new ArrayList<>();
            for (ModelChild c : children) {
                out.add(c.id + ":" + (c.running ? "up" : "down") + ":" + c.restarts);
            }
            return out;
        }

        /** Records a restart; false when it is one too many within the period. */
        boolean allowRestart() {
            while (!window.isEmpty() && !window.peekFirst().plus(PERIOD).isAfter(now)) {
                window.removeFirst();
            }
            window.addLast(now);
            return window.size() <= maxRestarts;
        }

        void exit(ModelChild child, boolean crashed) {
            child.running = false;
            boolean restart = child.policy == RestartPolicy.PERMANENT
                    || (child.policy == RestartPolicy.TRANSIENT && crashed);
            if (!restart) {
                if (child.policy == RestartPolicy.TEMPORARY) {
                    children.remove(child);
                }
                return;
            }
            if (!allowRestart()) {
                giveUp();
                return;
            }
            restartGroup(child, Set.of());
        }

        List<ModelChild> chosen(ModelChild failed) {
            int at = children.indexOf(failed);
            switch (strategy) {
                case "one_for_all":
                    return new ArrayList<>(children);
                case "rest_for_one":
                    return new ArrayList<>(children.subList(at, children.size()));
                default:
                    return new ArrayList<>(List.of(failed));
            }
        }

        void restartGroup(ModelChild trigger, Set<String> carried) {
            List<ModelChild> group = new ArrayList<>();
            for (ModelChild c : children) {
                if (chosen(trigger).contains(c) || carried.contains(c.id)) {
                    group.add(c);
                }
            }
            for (ModelChild c : group) {
                if (c.running) {
                    c.running = false;
                    c.pending = true;
                }
            }
            List<ModelChild> toStart = new ArrayList<>();
            for (ModelChild c : group) {
                if (c == trigger || c.pending) {
                    if (c.policy == RestartPolicy.TEMPORARY && c != trigger) {
                        children.remove(c);
                        continue;
                    }
                    c.pending = true;
                    toStart.add(c);
                }
            }
            for (int i = 0; i < toStart.size(); i++) {
                ModelChild c = toStart.get(i);
                if (c.failStarts > 0) {
                    c.failStarts--;
                    failedStarts++;
                    if (!allowRestart()) {
                        giveUp();
                        return;
                    }
                    Set<String> rest = new LinkedHashSet<>();
                    for (ModelChild later : toStart.subList(i + 1, toStart.size())) {
                        rest.add(later.id);
                    }
                    restartGroup(c, rest);
                    return;
                }
                c.pending = false;
                c.running = true;
                c.restarts++;
                starts++;
            }
        }

        void giveUp() {
            gaveUp = true;
            for (ModelChild c : children) {
                c.running = false;
            }
        }
    }
}
