package io.tasker.orchestration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class InfrastructureFailuresTest {

    @Test
    void aLostOrRefusedConnectionAnywhereInTheChainIsTransient() {
        assertTrue(InfrastructureFailures.isTransient(wrapped(new SQLException("connection lost", "08006"))));
        assertTrue(InfrastructureFailures.isTransient(wrapped(new SQLException("shutting down", "57P01"))));
        assertTrue(InfrastructureFailures.isTransient(wrapped(new SQLException("too many clients", "53300"))));
        assertTrue(InfrastructureFailures.isTransient(new SQLTransientConnectionException("pool empty")));
        assertTrue(InfrastructureFailures.isTransient(wrapped(new ResourceException("cannot allocate"))));
    }

    @Test
    void aSerializationConflictIsTransient() {
        assertTrue(InfrastructureFailures.isTransient(wrapped(new SQLException("could not serialize", "40001"))));
    }

    @Test
    void theStepsOwnFailuresAreNot() {
        assertFalse(InfrastructureFailures.isTransient(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(InfrastructureFailures.isTransient(new SQLException("no state")));
        assertFalse(InfrastructureFailures.isTransient(new IllegalStateException("a bug")));
    }

    private static RuntimeException wrapped(Exception cause) {
        return new IllegalStateException("persistence failed", new RuntimeException("statement failed", cause));
    }
}
