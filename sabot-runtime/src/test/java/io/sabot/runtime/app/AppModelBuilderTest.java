package io.sabot.runtime.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sabot.api.agent.App;
import io.sabot.api.agent.AppBuilder;
import io.sabot.api.agent.ChannelRef;
import io.sabot.api.agent.DeadLetterHandler;
import io.sabot.api.agent.TaskOptions;
import io.sabot.api.resources.LimitAction;
import io.sabot.api.resources.LimitKind;
import io.sabot.api.resources.ResourceLimit;
import io.sabot.api.supervision.Backoff;
import io.sabot.api.supervision.RestartIntensity;
import io.sabot.api.supervision.RestartPolicy;
import io.sabot.api.supervision.Shutdown;
import io.sabot.runtime.source.SequenceSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppModelBuilderTest {

    private final AppSettings settings = new AppSettings(Map.of("fraud.rate", "0.1"), k -> null, k -> null);

    private AppModelBuilder builder() {
        return new AppModelBuilder("test-app", settings);
    }

    static final class FraudDemoApp implements App {
        @Override
        public void configure(AppBuilder app) {
            ChannelRef<Long> tx = app.channel("transactions", Long.class, 64);
            ChannelRef<String> alerts = app.channel("alerts", String.class);
            app.group("detection").strategy("one_for_all").intensity(RestartIntensity.of(5, Duration.ofSeconds(10)))
                    .backoff(Backoff.exponential(Duration.ofMillis(10), Duration.ofSeconds(1)));
            app.source("generator", tx, () -> SequenceSource.longs().build()).inGroup("detection");
            app.agent("detect", tx, (stream, ctx) -> { }).emitsTo(alerts).inGroup("detection")
                    .restart(RestartPolicy.PERMANENT).shutdown(Shutdown.timeout(Duration.ofSeconds(2)))
                    .limit(ResourceLimit.of(LimitKind.AGENT_CPU, 0.5, LimitAction.THROTTLE));
            app.agent("sink", alerts, (stream, ctx) -> { });
        }
    }

    @Test
    void buildsTheModelOfAnApp() {
        AppModel model = AppModel.of(new FraudDemoApp(), settings);
        assertThat(model.appId()).isEqualTo("fraud-demo-app");
        assertThat(model.channels()).containsOnlyKeys("transactions", "alerts");
        assertThat(model.channels().get("transactions").capacity()).isEqualTo(64);
        assertThat(model.channels().get("alerts").capacity()).isEqualTo(ChannelRef.DEFAULT_CAPACITY);
        assertThat(model.sources()).extracting(SourceSpec::name).containsExactly("generator");
        assertThat(model.agents()).extracting(AgentSpec::id).containsExactly("detect", "sink");
        AgentSpec detect = model.agents().get(0);
        assertThat(detect.outputs()).extracting(ChannelRef::name).containsExactly("alerts");
        assertThat(detect.settings().restart()).isEqualTo(RestartPolicy.PERMANENT);
        assertThat(detect.settings().shutdown().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(detect.settings().limits()).hasSize(1);
        assertThat(model.agents().get(1).settings().group()).isEqualTo(AppModel.DEFAULT_GROUP);
        assertThat(model.agents().get(1).settings().restart()).as("the default").isEqualTo(RestartPolicy.TRANSIENT);
        assertThat(model.groups()).containsOnlyKeys("default", "detection");
        GroupSpec group = model.groups().get("detection");
        assertThat(group.strategy()).contains("one_for_all");
        assertThat(group.intensity()).contains(RestartIntensity.of(5, Duration.ofSeconds(10)));
        assertThat(group.backoff().isNone()).isFalse();
        assertThat(model.groups().get("default").strategy()).isEmpty();
        assertThat(model.members("detection")).containsExactly("generator", "detect");
        assertThat(model.members("default")).containsExactly("sink");
        assertThat(model.readerOf("alerts").map(AgentSpec::id)).contains("sink");
        assertThat(model.writerOf("alerts")).contains("detect");
        assertThat(model.writerOf("transactions")).contains("generator");
        assertThat(model.readerOf("nothing")).isEmpty();
        assertThat(model.writerOf("nothing")).isEmpty();
        assertThat(model.deadLetters()).isInstanceOf(LoggingDeadLetterHandler.class);
    }

    @Test
    void aChannelWithoutReaderOrWriterIsAllowed() {
        AppModelBuilder b = builder();
        b.channel("unused", String.class);
        ChannelRef<Long> in = b.channel("in", Long.class);
        b.agent("reader", in, (stream, ctx) -> { });
        AppModel model = b.build();
        assertThat(model.channels()).containsKeys("unused", "in");
    }

    @Test
    void rejectsDuplicateNames() {
        AppModelBuilder b = builder();
        ChannelRef<Long> c = b.channel("c", Long.class);
        assertThatThrownBy(() -> b.channel("c", Long.class)).hasMessageContaining("channel 'c' is declared twice");
        b.source("s", c, () -> SequenceSource.longs().build());
        assertThatThrownBy(() -> b.agent("s", c, (stream, ctx) -> { }))
                .hasMessageContaining("the name 's' is already used by a source");
        ChannelRef<Long> d = b.channel("d", Long.class);
        b.agent("a", d, (stream, ctx) -> { });
        assertThatThrownBy(() -> b.source("a", d, () -> SequenceSource.longs().build()))
                .hasMessageContaining("already used by an agent");
    }

    @Test
    void rejectsUndeclaredChannelsAndBadInputs() {
        AppModelBuilder b = builder();
        ChannelRef<Long> stranger = new ChannelRef<>("stranger", Long.class, 10);
        assertThatThrownBy(() -> b.agent("a", stranger, (stream, ctx) -> { }))
                .hasMessageContaining("agent 'a' uses channel 'stranger', which was not declared");
        ChannelRef<Long> c = b.channel("c", Long.class);
        ChannelRef<Long> lookalike = new ChannelRef<>("c", Long.class, 5);
        assertThatThrownBy(() -> b.agent("a", lookalike, (stream, ctx) -> { }))
                .hasMessageContaining("with type or capacity other than declared");
        assertThatThrownBy(() -> b.agent("a", List.<ChannelRef<? extends Long>>of(), (stream, ctx) -> { }))
                .hasMessageContaining("must read at least one channel");
        assertThatThrownBy(() -> b.agent("a", List.<ChannelRef<? extends Long>>of(c, c), (stream, ctx) -> { }))
                .hasMessageContaining("lists input channel 'c' twice");
        TaskOptions source = b.source("s", c, () -> SequenceSource.longs().build());
        assertThatThrownBy(() -> source.emitsTo(c)).hasMessageContaining("emitsTo is for agents");
        ChannelRef<Long> d = b.channel("d", Long.class);
        TaskOptions agent = b.agent("a", d, (stream, ctx) -> { });
        assertThatThrownBy(() -> agent.emitsTo(stranger)).hasMessageContaining("was not declared");
        assertThatThrownBy(() -> agent.limit(ResourceLimit.of(LimitKind.WORKER_CPU, 0.5, LimitAction.WARN)))
                .hasMessageContaining("is a worker limit");
        agent.limit(ResourceLimit.of(LimitKind.AGENT_CPU, 0.5, LimitAction.WARN));
        assertThatThrownBy(() -> agent.limit(ResourceLimit.of(LimitKind.AGENT_CPU, 0.2, LimitAction.WARN)))
                .hasMessageContaining("already limited");
        assertThatThrownBy(() -> agent.inGroup("bad/group")).hasMessageContaining("invalid group name");
    }

    @Test
    void rejectsAnUnknownGroup() {
        AppModelBuilder b = builder();
        ChannelRef<Long> c = b.channel("c", Long.class);
        b.agent("a", c, (stream, ctx) -> { }).inGroup("nowhere");
        assertThatThrownBy(b::build)
                .hasMessageContaining("agent 'a' is placed in group 'nowhere', which was not declared");
    }

    @Test
    void aGroupMayBeDeclaredAfterItsMembers() {
        AppModelBuilder b = builder();
        ChannelRef<Long> c = b.channel("c", Long.class);
        b.agent("a", c, (stream, ctx) -> { }).inGroup("later");
        b.group("later").strategy("rest_for_one");
        assertThat(b.build().members("later")).containsExactly("a");
    }

    @Test
    void rejectsAChannelReadByTwoAgents() {
        AppModelBuilder b = builder();
        ChannelRef<Long> c = b.channel("c", Long.class);
        b.agent("a", c, (stream, ctx) -> { });
        b.agent("b", c, (stream, ctx) -> { });
        assertThatThrownBy(b::build)
                .hasMessageContaining("channel 'c' is read by both agents 'a' and 'b'; a channel has one reader");
    }

    @Test
    void rejectsAChannelWrittenByTwoTasks() {
        AppModelBuilder b = builder();
        ChannelRef<Long> in = b.channel("in", Long.class);
        ChannelRef<Long> out = b.channel("out", Long.class);
        b.source("s", out, () -> SequenceSource.longs().build());
        b.agent("a", in, (stream, ctx) -> { }).emitsTo(out, out);
        assertThatThrownBy(b::build).hasMessageContaining("channel 'out' is written by both 's' and 'a'");
    }

    @Test
    void rejectsACycle() {
        AppModelBuilder b = builder();
        ChannelRef<Long> x = b.channel("x", Long.class);
        ChannelRef<Long> y = b.channel("y", Long.class);
        b.agent("a", x, (stream, ctx) -> { }).emitsTo(y);
        b.agent("b", y, (stream, ctx) -> { }).emitsTo(x);
        assertThatThrownBy(b::build).hasMessageContaining("the tasks form a cycle a -> b -> a");
    }

    @Test
    void settingsComeFromConfigurationThenSystemPropertiesThenTheEnvironment() {
        AppSettings layered = new AppSettings(Map.of("a.b", "configured"),
                k -> k.equals("c-d") ? "property" : null, k -> k.equals("E_F") ? "environment" : null);
        AppModelBuilder b = new AppModelBuilder("x", layered);
        assertThat(b.setting("a.b")).contains("configured");
        assertThat(b.setting("c-d")).contains("property");
        assertThat(b.setting("e.f")).contains("environment");
        assertThat(b.setting("missing")).isEmpty();
        assertThat(AppSettings.environmentName("fraud.fault-rate")).isEqualTo("FRAUD_FAULT_RATE");
        assertThat(AppSettings.of(Map.of()).get("surely.not.set.anywhere.sabot")).isEmpty();
    }

    @Test
    void theDeadLetterHandlerCanBeReplaced() {
        AppModelBuilder b = builder();
        DeadLetterHandler handler = letter -> { };
        b.deadLetters(handler);
        assertThat(b.build().deadLetters()).isSameAs(handler);
        new LoggingDeadLetterHandler().handle(new io.sabot.api.agent.DeadLetter("a", "c", "x".repeat(300),
                new IllegalStateException("boom"), java.time.Instant.EPOCH));
    }
}
