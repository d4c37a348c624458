package io.tasker.rest;

import io.tasker.security.Permissions;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Stops the deployment when an endpoint of the application (Tasker's, or one a workflow jar adds) declares no
 * permission, or one Tasker does not have, naming the method: a mistake found at boot rather than as a 403 on every
 * request. {@link PermissionCheck} refuses such an endpoint's requests too, for one the container did not show here.
 */
public class PermissionDeclarations implements Extension {

    private final List<String> mistakes = new ArrayList<>();

    <T> void check(@Observes @WithAnnotations(Path.class) ProcessAnnotatedType<T> resource) {
        Arrays.stream(resource.getAnnotatedType().getJavaClass().getDeclaredMethods())
                .filter(method -> Arrays.stream(method.getAnnotations())
                        .anyMatch(annotation -> annotation.annotationType().isAnnotationPresent(HttpMethod.class)))
                .forEach(endpoint -> mistake(endpoint).ifPresent(mistakes::add));
    }

    void stopOnMistakes(@Observes AfterDeploymentValidation validation) {
        mistakes.forEach(mistake -> validation.addDeploymentProblem(new IllegalStateException(
                "TASKER-AUTH-003 " + mistake)));
    }

    /** What is wrong with the permission an endpoint's method declares, if anything. */
    static Optional<String> mistake(Method method) {
        RequiresPermission declared = method.getAnnotation(RequiresPermission.class);
        if (declared == null) {
            return Optional.of(method + " declares no permission (@RequiresPermission)");
        }
        if (!Permissions.isKnown(declared.value())) {
            return Optional.of(method + " declares " + declared.value() + ", which is not a permission of Tasker's; "
                    + "they are " + String.join(", ", Permissions.all()));
        }
        return Optional.empty();
    }
}
