package io.sabot.runtime.worker;

import io.sabot.api.agent.App;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Loads an app by class name, as {@code sabot worker -A com.example.FraudApp} does, with a clear message for each
 * way it can go wrong.
 */
public final class AppLoader {

    private AppLoader() {
    }

    /**
     * Loads and instantiates an app.
     *
     * @param className   the app's fully qualified class name
     * @param classLoader where to look for it
     * @return a new instance of the app
     * @throws IllegalArgumentException if the class is missing, is not an {@link App}, has no public no-argument
     *                                  constructor, or its constructor throws
     */
    public static App load(String className, ClassLoader classLoader) {
        Class<?> type;
        try {
            type = Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new IllegalArgumentException("unknown app class '" + className + "': it is not on the class path "
                    + "(check the name, and that the app's jar is on the class path)");
        } catch (ExceptionInInitializerError e) {
            throw new IllegalArgumentException("app class '" + className + "' failed to initialise: "
                    + e.getCause(), e.getCause());
        }
        if (!App.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("class '" + className + "' is not a Sabot app: it must implement "
                    + App.class.getName());
        }
        if (Modifier.isAbstract(type.getModifiers())) {
            throw new IllegalArgumentException("app class '" + className + "' is abstract");
        }
        try {
            Constructor<?> constructor = type.getConstructor();
            return (App) constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new IllegalArgumentException("app class '" + className + "' needs a public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("app class '" + className + "' failed in its constructor: "
                    + e.getCause(), e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalArgumentException("app class '" + className + "' cannot be instantiated: " + e, e);
        }
    }
}
