package io.sabot.api.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChildSpecTest {

    private static final ChildFactory FACTORY = args -> () -> { };

    @Test
    void aWorkerIsPermanentWithTheWorkerShutdownByDefault() {
        ChildSpec spec = ChildSpec.worker("detect", FACTORY).build();

        assertThat(spec.id()).isEqualTo("detect");
        assertThat(spec.factory()).isSameAs(FACTORY);
        assertThat(spec.type()).isEqualTo(ChildType.WORKER);
        assertThat(spec.restart()).isEqualTo(RestartPolicy.PERMANENT);
        assertThat(spec.shutdown()).isEqualTo(Shutdown.DEFAULT_WORKER);
        assertThat(spec.attributes()).isEmpty();
    }

    @Test
    void aSupervisorIsPermanentWithTheSupervisorShutdownByDefault() {
        ChildSpec spec = ChildSpec.supervisor("group-a", FACTORY).build();

        assertThat(spec.type()).isEqualTo(ChildType.SUPERVISOR);
        assertThat(spec.restart()).isEqualTo(RestartPolicy.PERMANENT);
        assertThat(spec.shutdown()).isEqualTo(Shutdown.DEFAULT_SUPERVISOR);
    }

    @Test
    void theBuilderSetsRestartShutdownAndAttributes() {
        ChildSpec spec = ChildSpec.worker("w", FACTORY)
                .restart(RestartPolicy.TRANSIENT)
                .shutdown(Shutdown.immediate())
                .attribute("depends_on", "reader")
                .attribute("tier", "gold")
                .build();

        assertThat(spec.restart()).isEqualTo(RestartPolicy.TRANSIENT);
        assertThat(spec.shutdown()).isEqualTo(Shutdown.immediate());
        assertThat(spec.attributes()).containsExactlyInAnyOrderEntriesOf(Map.of("depends_on", "reader", "tier", "gold"));
    }

    @Test
    void anExplicitShutdownWinsOverTheSupervisorDefault() {
        ChildSpec spec = ChildSpec.supervisor("s", FACTORY).shutdown(Shutdown.timeout(Duration.ofSeconds(2))).build();

        assertThat(spec.shutdown().timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../x", ".hidden", "a/b", "has space"})
    void invalidIdsAreRejectedNamingTheChildId(String id) {
        assertThatIllegalArgumentException().isThrownBy(() -> ChildSpec.worker(id, FACTORY).build())
                .withMessageStartingWith("invalid child id");
    }

    @Test
    void nullIdIsRejected() {
        assertThatNullPointerException().isThrownBy(() -> ChildSpec.worker(null, FACTORY).build())
                .withMessage("child id must not be null");
    }

    @Test
    void nullFieldsAreRejectedNamingTheChild() {
        assertThatNullPointerException().isThrownBy(() -> ChildSpec.worker("w", null).build())
                .withMessage("child 'w': factory must not be null");
        assertThatNullPointerException().isThrownBy(() -> ChildSpec.worker("w", FACTORY).restart(null).build())
                .withMessage("child 'w': restart policy must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> new ChildSpec("w", FACTORY, RestartPolicy.PERMANENT, null, ChildType.WORKER, Map.of()))
                .withMessage("child 'w': shutdown must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> new ChildSpec("w", FACTORY, RestartPolicy.PERMANENT, Shutdown.DEFAULT_WORKER, null,
                        Map.of()))
                .withMessage("child 'w': type must not be null");
        assertThatNullPointerException()
                .isThrownBy(() -> new ChildSpec("w", FACTORY, RestartPolicy.PERMANENT, Shutdown.DEFAULT_WORKER,
                        ChildType.WORKER, null))
                .withMessage("child 'w': attributes must not be null");
    }

    @Test
    void attributeKeysMustBeIdentifiers() {
        assertThatThrownBy(() -> ChildSpec.worker("w", FACTORY).attribute("bad key", "v").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid attribute key of child 'w'");
    }

    @Test
    void attributeValuesMustNotBeNull() {
        assertThatNullPointerException().isThrownBy(() -> ChildSpec.worker("w", FACTORY).attribute("k", null).build())
                .withMessage("child 'w': attribute 'k' is null");
    }

    @Test
    void attributeValuesAreFreeText() {
        ChildSpec spec = ChildSpec.worker("w", FACTORY).attribute("note", "any text / with .. anything").build();

        assertThat(spec.attributes()).containsEntry("note", "any text / with .. anything");
    }

    @Test
    void attributesAreCopiedAndUnmodifiable() {
        Map<String, String> attributes = new HashMap<>(Map.of("k", "v"));
        ChildSpec spec = new ChildSpec("w", FACTORY, RestartPolicy.PERMANENT, Shutdown.DEFAULT_WORKER,
                ChildType.WORKER, attributes);

        attributes.put("later", "x");

        assertThat(spec.attributes()).containsOnlyKeys("k");
        assertThatThrownBy(() -> spec.attributes().put("k2", "v2")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aBuilderReusedAfterBuildDoesNotChangeTheBuiltSpec() {
        ChildSpec.Builder builder = ChildSpec.worker("w", FACTORY).attribute("a", "1");
        ChildSpec first = builder.build();

        builder.attribute("b", "2").restart(RestartPolicy.TEMPORARY);

        assertThat(first.attributes()).containsOnlyKeys("a");
        assertThat(first.restart()).isEqualTo(RestartPolicy.PERMANENT);
    }

    @Test
    void withIdCopiesEverythingButTheId() {
        ChildSpec template = ChildSpec.worker("template", FACTORY)
                .restart(RestartPolicy.TEMPORARY).shutdown(Shutdown.immediate()).attribute("k", "v").build();

        ChildSpec copy = template.withId("worker-7");

        assertThat(copy.id()).isEqualTo("worker-7");
        assertThat(copy).usingRecursiveComparison().ignoringFields("id").isEqualTo(template);
    }

    @Test
    void withIdValidatesTheNewId() {
        ChildSpec template = ChildSpec.worker("template", FACTORY).build();

        assertThatIllegalArgumentException().isThrownBy(() -> template.withId("../escape"))
                .withMessageStartingWith("invalid child id");
    }

    @Test
    void theFactoryCreatesAChildWhoseStopRequestDoesNothingByDefault() throws Exception {
        List<Object> seen = new java.util.ArrayList<>();
        ChildSpec spec = ChildSpec.worker("w", args -> () -> seen.addAll(args)).build();

        Child child = spec.factory().create(List.of("arg"));
        child.requestStop();
        child.run();

        assertThat(seen).containsExactly("arg");
    }

    @Test
    void strategiesAreStaticUnlessTheySayOtherwise() {
        SupervisionStrategy oneForOne = new SupervisionStrategy() {
            @Override
            public String name() {
                return "one_for_one";
            }

            @Override
            public List<String> childrenToRestart(ChildSpec failed, List<ChildSpec> children) {
                return List.of(failed.id());
            }
        };

        assertThat(oneForOne.dynamicChildren()).isFalse();
        assertThat(oneForOne.childrenToRestart(ChildSpec.worker("a", FACTORY).build(), List.of())).containsExactly("a");
    }
}
