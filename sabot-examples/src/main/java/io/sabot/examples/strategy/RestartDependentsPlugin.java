package io.sabot.examples.strategy;

import com.google.inject.AbstractModule;
import io.sabot.api.plugin.SabotPlugin;
import io.sabot.supervision.SupervisionModule;

/**
 * The example strategy plugin's wiring: adds {@link RestartDependentsStrategy} to the supervision strategies under
 * the name {@value RestartDependentsStrategy#NAME}. Listed in
 * {@code META-INF/services/io.sabot.api.plugin.SabotPlugin}, so a worker with this jar on its classpath accepts
 * {@code --supervision restart_dependents}.
 */
public final class RestartDependentsPlugin extends AbstractModule implements SabotPlugin {

    /** Creates the plugin; ServiceLoader calls this. */
    public RestartDependentsPlugin() {
    }

    @Override
    protected void configure() {
        SupervisionModule.strategies(binder()).addBinding(RestartDependentsStrategy.NAME)
                .to(RestartDependentsStrategy.class);
    }
}
