/**
 * Supervision contracts, with Erlang/OTP's {@code supervisor} as the reference behaviour.
 *
 * <p>A supervisor owns an ordered list of children, each described by a {@link io.sabot.api.supervision.ChildSpec}.
 * Children start in list order and terminate in reverse order. When a child exits, its
 * {@link io.sabot.api.supervision.RestartPolicy} decides whether it is restarted; the supervisor's
 * {@link io.sabot.api.supervision.SupervisionStrategy} decides which siblings restart with it; its
 * {@link io.sabot.api.supervision.RestartIntensity} bounds how often that may happen before the supervisor gives up
 * and escalates to its parent. {@link io.sabot.api.supervision.SupervisionEvent}s report every step to
 * {@link io.sabot.api.supervision.SupervisionListener}s.
 */
package io.sabot.api.supervision;
