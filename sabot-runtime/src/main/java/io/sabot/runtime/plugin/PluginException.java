package io.sabot.runtime.plugin;

/** A plugin could not be loaded or installed. The message names the plugin and says what is wrong. */
public final class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message one clear line naming the plugin
     * @param cause   the underlying failure, or null
     */
    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
