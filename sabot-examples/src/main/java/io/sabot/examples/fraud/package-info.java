/**
 * The fraud-detection demo: a synthetic transaction source feeds a stateful detector (per-card counts and amounts),
 * whose alerts go through a channel to an alert sink. A fault-injection setting makes the detector fail at a chosen
 * rate, so supervision and recovery can be watched.
 *
 * <p>Settings (as {@code --set key=value}, system properties, or environment variables such as
 * {@code FRAUD_FAULT_RATE}):
 * <ul>
 *   <li>{@code fraud.rate} - transactions per second, 0 for as fast as possible (default 200);</li>
 *   <li>{@code fraud.cards} - how many distinct cards (default 500);</li>
 *   <li>{@code fraud.seed} - the seed of the synthetic stream (default 42); the same seed gives the same stream;</li>
 *   <li>{@code fraud.fault-rate} - the share of transactions on which the detector throws (default 0);</li>
 *   <li>{@code fraud.limit} - stop after this many transactions, 0 for never (default 0).</li>
 * </ul>
 */
package io.sabot.examples.fraud;
