/**
 * The compatibility kit of {@link io.sabot.api.supervision.SupervisionStrategy} implementations.
 */
package io.sabot.tck.supervision;
