package io.sabot.runtime.plugin;

import io.sabot.api.plugin.SabotPlugin;

/** A broken plugin: it is not a Guice module. Listed only by the test's own class loader. */
public final class NotAModulePlugin implements SabotPlugin {
}
