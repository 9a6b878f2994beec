/**
 * Apps, the agent runner, channels, state, checkpoints, the savepoint manager and the worker.
 */
package io.sabot.runtime;
