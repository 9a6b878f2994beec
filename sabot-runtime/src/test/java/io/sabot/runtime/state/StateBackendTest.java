package io.sabot.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sabot.api.state.MapState;
import io.sabot.api.state.StateCodec;
import io.sabot.api.state.ValueState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateBackendTest {

    record Totals(String card, long count, double amount) {
    }

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void valueAndMapStatesRoundTripThroughASnapshot() {
        StateBackend before = new StateBackend("detect", mapper);
        before.valueState("seen", Long.class).update(42L);
        before.valueState("label", StateCodec.utf8()).update("héllo");
        MapState<String, Totals> perCard = before.mapState("per-card", String.class, Totals.class);
        perCard.put("c1", new Totals("c1", 2, 10.5));
        perCard.put("c2", new Totals("c2", 1, 3.0));
        MapState<Long, Long> raw = before.mapState("raw", StateCodec.int64(), StateCodec.int64());
        raw.merge(7L, 1L, Long::sum);
        raw.merge(7L, 1L, Long::sum);
        byte[] snapshot = before.snapshot();
        assertThat(before.lastSnapshotBytes()).hasValue(snapshot.length);

        StateBackend after = new StateBackend("detect", mapper);
        after.restore(snapshot);
        assertThat(after.stateNames()).containsExactly("label", "per-card", "raw", "seen");
        assertThat(after.valueState("seen", Long.class).value()).isEqualTo(42L);
        assertThat(after.valueState("label", StateCodec.utf8()).value()).isEqualTo("héllo");
        MapState<String, Totals> restored = after.mapState("per-card", String.class, Totals.class);
        assertThat(restored.get("c1")).isEqualTo(new Totals("c1", 2, 10.5));
        assertThat(restored.keys()).containsExactly("c1", "c2");
        assertThat(after.mapState("raw", StateCodec.int64(), StateCodec.int64()).get(7L)).isEqualTo(2L);
        assertThat(after.snapshot()).isEqualTo(snapshot);
    }

    @Test
    void anEmptyValueAndAnEmptyMapRoundTrip() {
        StateBackend before = new StateBackend("a", mapper);
        ValueState<String> v = before.valueState("v", String.class);
        v.update("x");
        v.clear();
        before.mapState("m", String.class, Long.class);
        StateBackend after = new StateBackend("a", mapper);
        after.restore(before.snapshot());
        assertThat(after.valueState("v", String.class).value()).isNull();
        assertThat(after.valueState("v", String.class).valueOr("dflt")).isEqualTo("dflt");
        assertThat(after.mapState("m", String.class, Long.class).size()).isZero();
    }

    @Test
    void statesNotAskedForAreCarriedOverIntoLaterSnapshots() {
        StateBackend first = new StateBackend("a", mapper);
        first.valueState("old", String.class).update("kept");
        first.mapState("old-map", String.class, Long.class).put("k", 1L);
        StateBackend second = new StateBackend("a", mapper);
        second.restore(first.snapshot());
        second.valueState("new", Long.class).update(1L);
        StateBackend third = new StateBackend("a", mapper);
        third.restore(second.snapshot());
        assertThat(third.valueState("old", String.class).value()).isEqualTo("kept");
        assertThat(third.mapState("old-map", String.class, Long.class).get("k")).isEqualTo(1L);
        assertThat(third.valueState("new", Long.class).value()).isEqualTo(1L);
    }

    @Test
    void askingTwiceReturnsTheSameHandle() {
        StateBackend backend = new StateBackend("a", mapper);
        assertThat(backend.valueState("v", Long.class)).isSameAs(backend.valueState("v", Long.class));
        assertThat(backend.mapState("m", String.class, Long.class))
                .isSameAs(backend.mapState("m", String.class, Long.class));
        StateCodec<String> codec = StateCodec.utf8();
        assertThat(backend.valueState("c", codec)).isSameAs(backend.valueState("c", codec));
    }

    @Test
    void askingForANameWithAnotherKindOrTypeFails() {
        StateBackend backend = new StateBackend("a", mapper);
        backend.valueState("v", Long.class);
        assertThatThrownBy(() -> backend.mapState("v", String.class, Long.class))
                .hasMessageContaining("state 'v' is already a value state");
        assertThatThrownBy(() -> backend.valueState("v", String.class))
                .hasMessageContaining("already declared with other types");
        assertThatThrownBy(() -> backend.valueState("bad/name", String.class))
                .hasMessageContaining("invalid state name");
    }

    @Test
    void aRestoredStateOfAnotherKindIsReported() {
        StateBackend first = new StateBackend("a", mapper);
        first.valueState("x", Long.class).update(1L);
        StateBackend second = new StateBackend("a", mapper);
        second.restore(first.snapshot());
        assertThatThrownBy(() -> second.mapState("x", String.class, Long.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("restored state 'x' is a value state but is now declared as a map state");
    }

    @Test
    void aRestoredValueThatNoLongerDecodesIsReported() {
        StateBackend first = new StateBackend("a", mapper);
        first.valueState("x", String.class).update("not a number");
        StateBackend second = new StateBackend("a", mapper);
        second.restore(first.snapshot());
        assertThatThrownBy(() -> second.valueState("x", Long.class))
                .hasMessageContaining("cannot restore state 'x'");
    }

    @Test
    void restoreAfterUseIsRefused() {
        StateBackend backend = new StateBackend("a", mapper);
        backend.valueState("v", Long.class);
        byte[] snapshot = backend.snapshot();
        assertThatThrownBy(() -> backend.restore(snapshot)).hasMessageContaining("before any is used");
    }

    @Test
    void invalidSnapshotsAreRejectedWithAClearMessage() {
        StateBackend backend = new StateBackend("a", mapper);
        assertThatThrownBy(() -> backend.restore(new byte[] {1, 2, 3, 4, 5}))
                .hasMessageContaining("magic 'SBST'");
        StateBackend full = new StateBackend("a", mapper);
        full.valueState("v", String.class).update("value");
        byte[] snapshot = full.snapshot();
        assertThatThrownBy(() -> new StateBackend("a", mapper).restore(Arrays.copyOf(snapshot, snapshot.length - 2)))
                .hasMessageContaining("truncated");
        byte[] longer = Arrays.copyOf(snapshot, snapshot.length + 1);
        assertThatThrownBy(() -> new StateBackend("a", mapper).restore(longer))
                .hasMessageContaining("bytes after its last state");
        byte[] future = snapshot.clone();
        future[5] = 9;
        assertThatThrownBy(() -> new StateBackend("a", mapper).restore(future))
                .hasMessageContaining("format version 9 is not supported");
        byte[] badKind = snapshot.clone();
        badKind[4 + 2 + 4 + 2 + 1] = 7;
        assertThatThrownBy(() -> new StateBackend("a", mapper).restore(badKind))
                .hasMessageContaining("unknown kind 7");
    }

    @Test
    void lastSnapshotBytesIsEmptyBeforeAnySnapshot() {
        StateBackend backend = new StateBackend("a", mapper);
        assertThat(backend.lastSnapshotBytes()).isEmpty();
        backend.restore(new StateBackend("a", mapper).snapshot());
        assertThat(backend.lastSnapshotBytes()).hasValue(10);
    }

    @Test
    void aCodecThatFailsIsReportedWithTheStateName() {
        StateBackend backend = new StateBackend("a", mapper);
        backend.valueState("bad", new StateCodec<String>() {
            @Override
            public byte[] encode(String value) {
                throw new IllegalArgumentException("nope");
            }

            @Override
            public String decode(byte[] bytes) {
                return "";
            }
        }).update("x");
        assertThatThrownBy(backend::snapshot).hasMessageContaining("cannot snapshot state 'bad': nope");
    }

    @Test
    void mapStateViewsAreReadOnlyAndNullsAreRefused() {
        MapState<String, Long> map = new StateBackend("a", mapper).mapState("m", String.class, Long.class);
        map.put("a", 1L);
        assertThat(map.contains("a")).isTrue();
        assertThat(map.entries()).containsExactly(Map.entry("a", 1L));
        assertThatThrownBy(() -> map.keys().add("b")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> map.put("b", null)).hasMessageContaining("use remove(key)");
        assertThat(map.merge("a", 1L, (x, y) -> null)).isNull();
        assertThat(map.contains("a")).isFalse();
        map.put("c", 3L);
        assertThat(map.remove("c")).isEqualTo(3L);
        map.put("d", 4L);
        map.clear();
        assertThat(map.size()).isZero();
    }

    @Test
    void jacksonCodecRoundTripsAndReportsBadInput() {
        JacksonStateCodec<Totals> codec = JacksonStateCodec.of(Totals.class);
        Totals t = new Totals("c", 3, 1.25);
        assertThat(codec.decode(codec.encode(t))).isEqualTo(t);
        assertThat(codec.type()).isEqualTo(Totals.class);
        assertThat(codec).hasToString("JacksonStateCodec[" + Totals.class.getName() + "]");
        assertThatThrownBy(() -> codec.decode("{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot decode JSON state");
        JacksonStateCodec<Object> unencodable = JacksonStateCodec.of(Object.class);
        assertThatThrownBy(() -> unencodable.encode(new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("explicit StateCodec");
        assertThat(JacksonStateCodec.of(List.class).decode("[1,2]".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isEqualTo(List.of(1, 2));
    }
}
