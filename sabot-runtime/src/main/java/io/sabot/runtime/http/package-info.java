/**
 * The worker's single HTTP listener: {@code /health}, {@code /health/live}, {@code /health/ready}, every
 * {@link io.sabot.api.plugin.HttpEndpoint} the plugins add (such as {@code /metrics}), and the token-protected
 * admin actions under {@code /admin/}.
 */
package io.sabot.runtime.http;
