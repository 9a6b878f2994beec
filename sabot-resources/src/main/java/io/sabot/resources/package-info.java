/**
 * Resource probes (OSHI, JMX), per-agent accounting, enforced limits, the backpressure signal and their Guice module.
 */
package io.sabot.resources;
