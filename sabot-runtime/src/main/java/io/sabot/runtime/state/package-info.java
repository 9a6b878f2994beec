/**
 * Per-agent state: heap value and map state, their codecs ({@link io.sabot.runtime.state.JacksonStateCodec} by
 * default) and the {@link io.sabot.runtime.state.StateBackend} that snapshots and restores an agent's states.
 */
package io.sabot.runtime.state;
