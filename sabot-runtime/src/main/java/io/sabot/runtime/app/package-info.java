/**
 * The app model: {@link io.sabot.runtime.app.AppModelBuilder}, the runtime's
 * {@link io.sabot.api.agent.AppBuilder}, and the validated {@link io.sabot.runtime.app.AppModel} it builds.
 */
package io.sabot.runtime.app;
