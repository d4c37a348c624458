package io.tasker.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

    private static final Path HERE = Path.of("/srv/tasker");

    @Test
    void defaultsStartEverythingEmbedded() {
        LauncherSettings settings = LauncherSettings.fromEnvironment(Map.of(), HERE);

        assertEquals(HERE.resolve(".tasker"), settings.dataDir());
        assertEquals(8080, settings.httpPort());
        assertEquals(Optional.empty(), settings.externalDatabase());
        assertEquals(Optional.empty(), settings.externalBroker());
        assertEquals("node-1", settings.nodeName());
        assertEquals(List.of("-Xms256m", "-Xmx512m", "-XX:+UseParallelGC", "-XX:-UseCodeCacheFlushing"),
                settings.jvmOptions());
        assertFalse(settings.openServerEndpoints(), "the server's own /metrics and /openapi are closed");
        assertTrue(LauncherSettings.fromEnvironment(Map.of("TASKER_SERVER_ENDPOINTS", "open"), HERE)
                .openServerEndpoints());
    }

    @Test
    void anAdditionalNodeUsesTheEmbeddedServersOfTheRunBesideIt() {
        LauncherSettings node = LauncherSettings.forAdditionalNode(Map.of("TASKER_DB_PORT", "25432",
                "TASKER_BROKER_PORT", "61617"), HERE);

        assertEquals("node-2", node.nodeName());
        assertEquals(8081, node.httpPort());
        assertEquals(new LauncherSettings.DatabaseAddress("jdbc:postgresql://127.0.0.1:25432/tasker", "tasker",
                "tasker"), node.externalDatabase().orElseThrow());
        assertEquals(new LauncherSettings.BrokerAddress("127.0.0.1", 61617), node.externalBroker().orElseThrow());
    }

    @Test
    void anAdditionalNodeFollowsExternalServersAndItsOwnNameAndPort() {
        LauncherSettings node = LauncherSettings.forAdditionalNode(Map.of("TASKER_DB_URL", "jdbc:postgresql://db/t",
                "TASKER_BROKER_URL", "tcp://mq:61616", "TASKER_NODE_NAME", "node-3", "TASKER_HTTP_PORT", "8082"), HERE);

        assertEquals("node-3", node.nodeName());
        assertEquals(8082, node.httpPort());
        assertEquals("jdbc:postgresql://db/t", node.externalDatabase().orElseThrow().jdbcUrl());
        assertEquals(new LauncherSettings.BrokerAddress("mq", 61616), node.externalBroker().orElseThrow());
    }

    @Test
    void unusableValuesNameTheirVariable() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LauncherSettings.fromEnvironment(
                Map.of("TASKER_HTTP_PORT", "80a"), HERE)).getMessage().startsWith("TASKER_HTTP_PORT must be a port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LauncherSettings.fromEnvironment(
                Map.of("TASKER_BROKER_URL", "http://mq"), HERE)).getMessage().startsWith("TASKER_BROKER_URL must"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LauncherSettings.fromEnvironment(
                Map.of("TASKER_SERVER_ENDPOINTS", "public"), HERE)).getMessage().startsWith(
                "TASKER_SERVER_ENDPOINTS must be closed or open"));
    }
}
