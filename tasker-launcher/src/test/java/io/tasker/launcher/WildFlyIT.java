package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR users deploy, with the examples' workflows added as a user adds theirs, on WildFly's full profile: the
 * server, started by Arquillian's managed WildFly container (src/test/resources/arquillian.xml) with its ports
 * offset, configured by {@code server-config/wildfly/configure.sh} for an embedded PostgreSQL and Artemis of its
 * own and given the EAR by Arquillian, passes the acceptance checks the embedded default passes, and stops.
 *
 * <p>Readiness is read at Tasker's own {@code /tasker/health/ready}: WildFly does not collect the health checks of an
 * EAR's modules. The metrics are read where WildFly serves them, from Micrometer's Prometheus registry on its
 * management interface. Last, the database restarts, and after the reload docs/deploy-wildfly.md prescribes for
 * that, work goes on.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WildFlyIT {

    private static final String CONTAINER = "wildfly";
    private static final String DEPLOYMENT = "tasker";
    private static final Path WILDFLY_HOME = Path.of(System.getProperty("tasker.it.wildfly.home"));
    private static final int HTTP_PORT = 8080 + Integer.getInteger("tasker.it.wildfly.port-offset");
    private static final int MANAGEMENT_PORT = Integer.getInteger("tasker.it.wildfly.management-port");
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    @ArquillianResource
    private ContainerController containers;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive tasker() throws IOException {
        return ApplicationServers.earWithExamples();
    }

    @Test
    void theEarPassesTheAcceptanceChecks() throws Exception {
        try (ApplicationServers.Backing backing = ApplicationServers.Backing.start("wildfly")) {
            long began = System.nanoTime();
            containers.start(CONTAINER);
            try {
                long started = System.nanoTime();
                configure(backing);
                long configured = System.nanoTime();
                deployer.deploy(DEPLOYMENT);
                long deployed = System.nanoTime();
                TaskerClient client = new TaskerClient(URI.create("http://127.0.0.1:" + HTTP_PORT + "/tasker"),
                        Optional.of(backing.keys().token(DevelopmentKeys.Bearer.admin(TOKEN_LIFETIME))));
                AcceptanceChecks.Readiness readiness = new AcceptanceChecks.Readiness(
                        URI.create(client.api() + "/health/ready"), List.of("database", "broker", "node"));
                AcceptanceChecks.readyMeansServing(readiness, client, Duration.ofSeconds(60));
                System.out.printf("WildFly: started in %d ms, configured (with the resource adapter) in %d ms, EAR"
                        + " deployed in %d ms, ready; resident memory %d MB%n",
                        ApplicationServers.millis(began, started), ApplicationServers.millis(started, configured),
                        ApplicationServers.millis(configured, deployed),
                        ServerProcess.residentMegabytes(WILDFLY_HOME.toString()));
                URI management = URI.create("http://127.0.0.1:" + MANAGEMENT_PORT);
                AcceptanceChecks.all(readiness, client,
                        () -> Metrics.scrape(HttpRequest.newBuilder(management.resolve("/prometheus"))));
                // /tasker/metrics forwards to the server's own endpoint, which is Payara's: here it is not found.
                TaskerClient.Reply metrics = client.get("/metrics");
                assertEquals(404, metrics.status(), String.valueOf(metrics.body()));
                assertEquals("application/problem+json", metrics.contentType());
                // The database restarts under the running server: the server's data source (configure.sh) finds
                // its broken connections and replaces them, and work goes on with nothing done by hand.
                backing.postgres().close();
                try (PostgresServer restarted = PostgresServer.start(backing.data().resolve("postgres"),
                        backing.postgres().port(), backing.data().resolve("postgres.log"))) {
                    AcceptanceChecks.readyMeansServing(readiness, client, Duration.ofSeconds(60));
                    long diamond = client.createTask("""
                            {"name": "diamond_workflow", "namespace": "examples", "context": {}}""");
                    assertEquals("complete", client.awaitFinished(diamond, Duration.ofSeconds(60))
                            .getString("status"));
                    deployer.undeploy(DEPLOYMENT);
                }
            } finally {
                containers.stop(CONTAINER);
            }
            assertFalse(ServerProcess.isRunning(WILDFLY_HOME.toString()), "WildFly's process ended with its stop");
        }
    }

    private static void configure(ApplicationServers.Backing backing) throws Exception {
        Map<String, String> env = backing.scriptSettings();
        env.put("JBOSS_HOME", WILDFLY_HOME.toString());
        env.put("JBOSS_CLI_OPTIONS", "--controller=127.0.0.1:" + MANAGEMENT_PORT);
        env.put("TASKER_ECLIPSELINK_JAR", System.getProperty("tasker.it.eclipselink.jar"));
        env.put("TASKER_POSTGRESQL_JAR", System.getProperty("tasker.it.postgresql.jar"));
        // Its Prometheus endpoint without the management login, for the test to read.
        env.put("TASKER_SERVER_ENDPOINTS", "open");
        ApplicationServers.run(List.of("bash", ApplicationServers.serverConfig("wildfly/configure.sh").toString()),
                env);
    }
}
