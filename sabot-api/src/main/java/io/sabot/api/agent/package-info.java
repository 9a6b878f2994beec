/**
 * The programming model: an {@link io.sabot.api.agent.App} declares channels, sources and agents on an
 * {@link io.sabot.api.agent.AppBuilder}; an {@link io.sabot.api.agent.Agent} iterates its input stream, emits to
 * channels and keeps state through its {@link io.sabot.api.agent.AgentContext}.
 *
 * <p>The Java form of the original design's {@code @app.agent('transactions') async def detect(stream)}:
 * <pre>{@code
 * public final class FraudApp implements App {
 *     public void configure(AppBuilder app) {
 *         ChannelRef<Transaction> tx = app.channel("transactions", Transaction.class);
 *         ChannelRef<Alert> alerts = app.channel("alerts", Alert.class);
 *         app.source("generator", tx, TransactionSource::new);
 *         app.agent("detect", tx, (stream, ctx) -> {
 *             MapState<String, Long> perCard = ctx.mapState("per-card", String.class, Long.class);
 *             for (Transaction t : stream) {
 *                 long n = perCard.merge(t.card(), 1L, Long::sum);
 *                 if (n > 10) {
 *                     ctx.emit(alerts, new Alert(t.card(), n));
 *                 }
 *             }
 *         }).emitsTo(alerts).restart(RestartPolicy.TRANSIENT);
 *     }
 * }
 * }</pre>
 */
package io.sabot.api.agent;
