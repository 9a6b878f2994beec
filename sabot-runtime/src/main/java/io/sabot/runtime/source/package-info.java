/**
 * Built-in sources with saved and restored positions: {@link io.sabot.runtime.source.SequenceSource} and
 * {@link io.sabot.runtime.source.FileLinesSource}.
 */
package io.sabot.runtime.source;
