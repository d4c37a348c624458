package io.tasker.registry;

import io.tasker.api.StepHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;

/** Finds the CDI bean a step template names as its {@code handler_class}. */
@ApplicationScoped
public class HandlerBeans {

    @Inject
    @Any
    private Instance<Object> beans;

    /**
     * @throws IllegalArgumentException when the class is missing, is not a {@link StepHandler}, or is not
     *     exactly one CDI bean
     */
    public StepHandler resolve(String className) {
        Class<? extends StepHandler> type = handlerType(className, Thread.currentThread().getContextClassLoader());
        Instance<?> candidates = beans.select(type);
        if (candidates.isUnsatisfied()) {
            throw new IllegalArgumentException("handler_class " + className + " is not a CDI bean: annotate it"
                    + " with a scope such as @ApplicationScoped and ship it in a bean archive");
        }
        if (!candidates.isAmbiguous()) {
            return (StepHandler) candidates.get();
        }
        // A handler's subclasses are beans of its type too (HttpStepHandler and the user's subclass of it): the
        // class named is the bean of exactly that class.
        List<? extends Instance.Handle<?>> exact = candidates.handlesStream()
                .filter(handle -> handle.getBean().getBeanClass() == type).toList();
        if (exact.size() != 1) {
            throw new IllegalArgumentException("handler_class " + className + " matches more than one CDI bean");
        }
        return (StepHandler) exact.get(0).get();
    }

    /**
     * The class a {@code handler_class} names.
     *
     * @throws IllegalArgumentException when it cannot be loaded or does not implement {@link StepHandler}
     */
    static Class<? extends StepHandler> handlerType(String className, ClassLoader classLoader) {
        Class<?> type;
        try {
            type = Class.forName(className, false, classLoader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("handler_class " + className + " cannot be loaded: " + e);
        }
        if (!StepHandler.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("handler_class " + className + " does not implement "
                    + StepHandler.class.getName());
        }
        return type.asSubclass(StepHandler.class);
    }
}
