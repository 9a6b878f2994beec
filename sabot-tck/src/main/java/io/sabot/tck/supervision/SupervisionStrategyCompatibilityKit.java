package io.sabot.tck.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import io.sabot.api.supervision.Child;
import io.sabot.api.supervision.ChildSpec;
import io.sabot.api.supervision.ChildType;
import io.sabot.api.supervision.RestartPolicy;
import io.sabot.api.supervision.Shutdown;
import io.sabot.api.supervision.SupervisionStrategy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SupervisionStrategy} must honour, as an abstract JUnit 5 test class. A strategy's test
 * extends it and implements {@link #strategy()}:
 *
 * <pre>{@code
 * class MyStrategyTest extends SupervisionStrategyCompatibilityKit {
 *     @Override
 *     protected SupervisionStrategy strategy() {
 *         return new MyStrategy();
 *     }
 * }
 * }</pre>
 *
 * <p>It checks that the name is snake case; that the failed child is always in the restart set; that only ids of
 * the given children come back, each once, in start order; that the answer is deterministic and does not depend on
 * earlier calls or on the calling thread; that the input list is not modified; and that one child and many children
 * both work. A strategy whose answer depends on child attributes overrides {@link #child(String, int, int)} to
 * give the sample children realistic attributes.
 */
public abstract class SupervisionStrategyCompatibilityKit {

    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Child IDLE = () -> { };

    /** Creates the kit. */
    protected SupervisionStrategyCompatibilityKit() {
    }

    /**
     * Creates the strategy under test. May return the same instance every time.
     *
     * @return the strategy
     */
    protected abstract SupervisionStrategy strategy();

    /**
     * Creates the {@code index}-th (from 0) of {@code count} sample children. The default is a worker with id
     * {@code c<index>} and no attributes; override to add the attributes your strategy reads.
     *
     * @param id    the id to use
     * @param index the child's position in start order, from 0
     * @param count how many children the sample holds
     * @return the spec
     */
    protected ChildSpec child(String id, int index, int count) {
        return new ChildSpec(id, args -> IDLE, RestartPolicy.PERMANENT, Shutdown.DEFAULT_WORKER, ChildType.WORKER,
                Map.of());
    }

    /**
     * Creates {@code count} sample children in start order, through {@link #child(String, int, int)}.
     *
     * @param count how many
     * @return the specs, unmodifiable
     */
    protected final List<ChildSpec> children(int count) {
        List<ChildSpec> specs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            specs.add(child("c" + i, i, count));
        }
        return List.copyOf(specs);
    }

    @Test
    void nameIsSnakeCase() {
        String name = strategy().name();
        assertThat(name).as("strategy name").isNotNull().matches(SNAKE_CASE);
        assertThat(strategy().name()).as("name is stable").isEqualTo(name);
    }

    @Test
    void failedChildIsAlwaysInTheRestartSet() {
        List<ChildSpec> children = children(6);
        for (ChildSpec failed : children) {
            assertThat(strategy().childrenToRestart(failed, children))
                    .as("children to restart when %s fails", failed.id())
                    .contains(failed.id());
        }
    }

    @Test
    void onlyKnownIdsComeBackEachOnceInStartOrder() {
        List<ChildSpec> children = children(8);
        List<String> order = ids(children);
        for (ChildSpec failed : children) {
            List<String> chosen = strategy().childrenToRestart(failed, children);
            assertThat(order).as("known ids").containsAll(chosen);
            assertThat(chosen).as("no duplicates when %s fails", failed.id()).doesNotHaveDuplicates();
            List<Integer> positions = new ArrayList<>();
            for (String id : chosen) {
                positions.add(order.indexOf(id));
            }
            assertThat(positions).as("start order when %s fails", failed.id()).isSorted();
        }
    }

    @Test
    void answerIsDeterministic() {
        List<ChildSpec> children = children(7);
        SupervisionStrategy strategy = strategy();
        for (ChildSpec failed : children) {
            List<String> first = List.copyOf(strategy.childrenToRestart(failed, children));
            List<String> second = List.copyOf(strategy.childrenToRestart(failed, children));
            assertThat(second).as("second answer for %s", failed.id()).isEqualTo(first);
        }
        List<String> afterOthers = strategy.childrenToRestart(children.get(3), children);
        assertThat(strategy().childrenToRestart(children.get(3), children)).isEqualTo(afterOthers);
    }

    @Test
    void inputIsNotModified() {
        List<ChildSpec> children = new ArrayList<>(children(5));
        List<ChildSpec> before = List.copyOf(children);
        strategy().childrenToRestart(children.get(2), children);
        assertThat(children).isEqualTo(before);
    }

    @Test
    void safeToCallFromSeveralThreads() throws Exception {
        SupervisionStrategy strategy = strategy();
        List<ChildSpec> children = children(10);
        List<List<String>> expected = new ArrayList<>();
        for (ChildSpec failed : children) {
            expected.add(List.copyOf(strategy.childrenToRestart(failed, children)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    for (int round = 0; round < 200; round++) {
                        int i = round % children.size();
                        if (!expected.get(i).equals(strategy.childrenToRestart(children.get(i), children))) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> f : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
                assertThat(f.get()).as("same answers on every thread").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void worksWithASingleChild() {
        List<ChildSpec> children = children(1);
        assertThat(strategy().childrenToRestart(children.get(0), children)).containsExactly(children.get(0).id());
    }

    @Test
    void worksWithManyChildren() {
        List<ChildSpec> children = children(500);
        Set<String> known = new HashSet<>(ids(children));
        for (int i : new int[] {0, 1, 249, 498, 499}) {
            List<String> chosen = strategy().childrenToRestart(children.get(i), children);
            assertThat(chosen).contains(children.get(i).id()).doesNotHaveDuplicates();
            assertThat(known).containsAll(chosen);
        }
    }

    private static List<String> ids(List<ChildSpec> specs) {
        List<String> ids = new ArrayList<>();
        for (ChildSpec s : specs) {
            ids.add(s.id());
        }
        return ids;
    }
}
