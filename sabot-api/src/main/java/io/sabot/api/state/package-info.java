/**
 * Per-agent state: {@link io.sabot.api.state.ValueState} and {@link io.sabot.api.state.MapState}, snapshotted into
 * checkpoints and restored on recovery, encoded by {@link io.sabot.api.state.StateCodec}s.
 */
package io.sabot.api.state;
