package io.tasker.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class JdbcInfrastructureFailuresTest {

    private final JdbcInfrastructureFailures failures = new JdbcInfrastructureFailures();

    @Test
    void aLostOrRefusedConnectionAnywhereInTheChainIsTransient() {
        assertTrue(failures.isTransient(wrapped(new SQLException("connection lost", "08006"))));
        assertTrue(failures.isTransient(wrapped(new SQLException("shutting down", "57P01"))));
        assertTrue(failures.isTransient(wrapped(new SQLException("too many clients", "53300"))));
        assertTrue(failures.isTransient(new SQLTransientConnectionException("pool empty")));
        assertTrue(failures.isTransient(wrapped(new ResourceException("cannot allocate"))));
    }

    @Test
    void aSerializationConflictIsTransient() {
        assertTrue(failures.isTransient(wrapped(new SQLException("could not serialize", "40001"))));
    }

    @Test
    void theStepsOwnFailuresAreNot() {
        assertFalse(failures.isTransient(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(failures.isTransient(new SQLException("no state")));
        assertFalse(failures.isTransient(new IllegalStateException("a bug")));
    }

    private static RuntimeException wrapped(Exception cause) {
        return new IllegalStateException("persistence failed", new RuntimeException("statement failed", cause));
    }
}
