package io.sabot.runtime.plugin;

import com.google.inject.AbstractModule;
import com.google.inject.name.Names;
import io.sabot.api.plugin.SabotPlugin;

/** A plugin found through this test tree's META-INF/services file. */
public final class GreetingPlugin extends AbstractModule implements SabotPlugin {

    @Override
    protected void configure() {
        bindConstant().annotatedWith(Names.named("greeting")).to("hello from a plugin");
    }
}
