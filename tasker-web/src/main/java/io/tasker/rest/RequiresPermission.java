package io.tasker.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one permission an endpoint needs ({@code tasker.task:create}; io.tasker.security.Permissions lists them). Every
 * resource method carries one: {@link PermissionCheck} refuses the requests of an endpoint without one, and a test
 * fails the build. An endpoint that answers with tasks or templates limits its answer to the namespaces the
 * permission reaches ({@link RequestCaller#access()}); one whose answer spans every namespace is {@link #global()}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresPermission {

    String value();

    /** Whether the answer spans every namespace, so a permission limited to some does not do. */
    boolean global() default false;
}
