/**
 * An example supervision-strategy plugin: {@link io.sabot.examples.strategy.RestartDependentsStrategy} and its
 * Guice module {@link io.sabot.examples.strategy.RestartDependentsPlugin}.
 */
package io.sabot.examples.strategy;
