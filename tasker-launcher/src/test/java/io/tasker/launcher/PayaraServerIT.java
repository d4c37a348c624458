package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.ResourceAdapterArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The EAR users deploy, with the examples' workflows added as a user adds theirs, on Payara Server 6: a domain of
 * its own, configured by {@code server-config/payara-server/configure.sh} for an embedded PostgreSQL and Artemis
 * of its own, started and given the EAR by Arquillian's managed Payara Server container (src/test/resources/
 * arquillian.xml), passes the acceptance checks the embedded default passes, and stops.
 */
@ExtendWith(PayaraServerIT.FreshDomain.class)
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PayaraServerIT {

    private static final String CONTAINER = "payara-server";
    private static final String DEPLOYMENT = "tasker";
    private static final String RESOURCE_ADAPTER = "artemis-ra";
    private static final Path PAYARA_HOME = Path.of(System.getProperty("tasker.it.payara.home"));
    private static final String DOMAIN = System.getProperty("tasker.it.payara.domain");
    private static final int PORT_BASE = Integer.getInteger("tasker.it.payara.portbase");
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    @ArquillianResource
    private ContainerController containers;

    @ArquillianResource
    private Deployer deployer;

    /** The Artemis resource adapter, deployed first: this container starts its domain on the first deployment. */
    @Deployment(name = RESOURCE_ADAPTER, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static ResourceAdapterArchive artemisResourceAdapter() {
        return ShrinkWrap.createFromZipFile(ResourceAdapterArchive.class, RuntimeArtifacts.locate().artemisRar()
                .toFile());
    }

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    @TargetsContainer(CONTAINER)
    static EnterpriseArchive tasker() throws IOException {
        return ApplicationServers.earWithExamples();
    }

    @Test
    void theEarPassesTheAcceptanceChecks() throws Exception {
        try (ApplicationServers.Backing backing = ApplicationServers.Backing.start("payara-server")) {
            long began = System.nanoTime();
            containers.start(CONTAINER);
            try {
                deployer.deploy(RESOURCE_ADAPTER);
                long started = System.nanoTime();
                configure(backing);
                long configured = System.nanoTime();
                deployer.deploy(DEPLOYMENT);
                long deployed = System.nanoTime();
                TaskerClient client = new TaskerClient(URI.create("http://127.0.0.1:" + (PORT_BASE + 80) + "/tasker"),
                        Optional.of(backing.keys().token(DevelopmentKeys.Bearer.admin(TOKEN_LIFETIME))));
                AcceptanceChecks.readyMeansServing(AcceptanceChecks.Readiness.ofTasker(client.api()), client,
                        Duration.ofSeconds(60));
                System.out.printf("Payara Server: domain started (with the resource adapter) in %d ms, configured in %d"
                        + " ms, EAR deployed in %d ms,"
                        + " ready; resident memory %d MB%n", ApplicationServers.millis(began, started),
                        ApplicationServers.millis(started, configured),
                        ApplicationServers.millis(configured, deployed),
                        ServerProcess.residentMegabytes("domains/" + DOMAIN));
                AcceptanceChecks.all(client.api(), client);
                deployer.undeploy(DEPLOYMENT);
                deployer.undeploy(RESOURCE_ADAPTER);
            } finally {
                containers.stop(CONTAINER);
            }
            assertFalse(ServerProcess.isRunning("domains/" + DOMAIN), "the domain's process ended with its stop");
        }
    }

    /**
     * A fresh domain, with its ports from the port base (admin +48, HTTP +80), so that a server of the user's on
     * 4848 or 8080 is left alone and nothing of an earlier run remains; made before Arquillian reads its
     * configuration, which names it.
     */
    static final class FreshDomain implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) throws Exception {
            if (Files.isDirectory(PAYARA_HOME.resolve("glassfish/domains").resolve(DOMAIN))) {
                asadmin(List.of("delete-domain", DOMAIN), Map.of());
            }
            asadmin(List.of("create-domain", "--nopassword=true", "--portbase", String.valueOf(PORT_BASE), DOMAIN),
                    Map.of());
        }
    }

    private static void configure(ApplicationServers.Backing backing) throws Exception {
        Map<String, String> env = backing.scriptSettings();
        env.put("PAYARA_HOME", PAYARA_HOME.toString());
        env.put("ASADMIN_OPTIONS", "--port " + (PORT_BASE + 48));
        ApplicationServers.run(List.of("bash", ApplicationServers.serverConfig("payara-server/configure.sh")
                .toString()), env);
    }

    private static void asadmin(List<String> arguments, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(PAYARA_HOME.resolve("bin/asadmin").toString(),
                "--interactive=false"));
        command.addAll(arguments);
        ApplicationServers.run(command, env);
    }
}
