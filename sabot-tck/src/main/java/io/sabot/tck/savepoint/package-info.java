/**
 * The compatibility kit for {@link io.sabot.api.savepoint.SavepointStore} implementations.
 */
package io.sabot.tck.savepoint;
