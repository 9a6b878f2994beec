/**
 * Apps, the agent runner, channels, state, checkpoints, the savepoint manager and the worker. The
 * {@link io.sabot.runtime.TaskGraph} holds an app's running parts.
 */
package io.sabot.runtime;
