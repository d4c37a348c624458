package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tasker.launcher.TaskerStackExtension.RunningStack;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A node with a setting (or an endpoint) it cannot honour does not deploy, and names it. */
@ExtendWith(TaskerStackExtension.class)
class SettingsRejectionIT {

    @Test
    void moreRunnerSessionsThanTheServerHasMessageBeansStopsDeployment(RunningStack stack) {
        // With more sessions than the server's 32 message-bean instances the task runner would never start.
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> stack.startNode(
                "oversized-node", Map.of("TASKER_RUNNER_MAX_SESSIONS", "33")));

        String report = refused.getMessage();
        assertTrue(report.contains("did not deploy"), report);
        assertTrue(report.contains("tasker.runner.max-sessions must be between 1 and 32, got 33"), report);
    }

    @Test
    void authenticationWithoutAnIssuerOrWithAKeyTheServerCannotReadStopsDeployment(RunningStack stack) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> stack.startNode(
                "keyless-node", Map.of("MP_JWT_VERIFY_ISSUER", "", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                        "/no/such/key.pem")));

        String report = refused.getMessage();
        assertTrue(report.contains("did not deploy"), report);
        assertTrue(report.contains("mp.jwt.verify.issuer is required"), report);
        assertTrue(report.contains("mp.jwt.verify.publickey.location names no resource on the application's class "
                + "path: /no/such/key.pem (a file is file:///no/such/key.pem)"), report);
    }

    @Test
    void anEndpointOfAWorkflowJarWithAPermissionTaskerDoesNotHaveStopsDeployment(RunningStack stack,
                                                                                 @TempDir Path directory)
            throws Exception {
        Path jar = workflowJarWithEndpoint(directory, """
                package audit;

                @jakarta.enterprise.context.ApplicationScoped
                @jakarta.ws.rs.Path("audit")
                public class AuditResource {
                    @jakarta.ws.rs.GET
                    @io.tasker.rest.RequiresPermission("tasker.audit:index")
                    public String audit() {
                        return "audited";
                    }
                }
                """);

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> stack.startNode(
                "audit-node", Workflows.of(List.of(jar), Map.of(), directory)));

        String report = refused.getMessage();
        assertTrue(report.contains("did not deploy"), report);
        assertTrue(report.contains("TASKER-AUTH-003 public java.lang.String audit.AuditResource.audit() declares "
                + "tasker.audit:index, which is not a permission of Tasker's"), report);
    }

    // A jar holding one class compiled from source against the Tasker WAR's own classes, as a user's would be.
    private static Path workflowJarWithEndpoint(Path directory, String source) throws Exception {
        Path taskerClasses = Files.createDirectories(directory.resolve("tasker-classes"));
        try (JarFile war = new JarFile(RuntimeArtifacts.locate().taskerWar().toFile())) {
            String annotation = "io/tasker/rest/RequiresPermission.class";
            Files.createDirectories(taskerClasses.resolve(annotation).getParent());
            try (InputStream in = war.getInputStream(war.getEntry("WEB-INF/classes/" + annotation))) {
                Files.copy(in, taskerClasses.resolve(annotation));
            }
        }
        Path sources = Files.createDirectories(directory.resolve("src/audit"));
        Path compiled = Files.createDirectories(directory.resolve("classes"));
        Files.writeString(sources.resolve("AuditResource.java"), source);
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", compiled.toString(),
                "-cp", taskerClasses + File.pathSeparator + System.getProperty("java.class.path"),
                sources.resolve("AuditResource.java").toString());
        assertTrue(exit == 0, "the endpoint compiles");
        Path jar = directory.resolve("audit.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/beans.xml"));
            out.write("<beans bean-discovery-mode=\"annotated\"/>".getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("audit/AuditResource.class"));
            out.write(Files.readAllBytes(compiled.resolve("audit/AuditResource.class")));
        }
        return jar;
    }
}
