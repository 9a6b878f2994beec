/**
 * Example apps and an example supervision-strategy plugin.
 */
package io.sabot.examples;
