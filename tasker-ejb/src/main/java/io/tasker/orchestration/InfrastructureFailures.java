package io.tasker.orchestration;

import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells failures of the infrastructure (the database unreachable, restarting, out of connections or in a
 * serialization conflict; the container unable to allocate a connection or to enlist it in the transaction) from
 * failures of a step's own logic, by what is in the cause chain. The former are not the step's fault: its attempt is
 * given back rather than counted, and the orchestrator's own database calls are retried while they last.
 */
final class InfrastructureFailures {

    // SQLSTATE classes: 08 connection exception, 40 transaction rollback (serialization, deadlock),
    // 53 insufficient resources, 57 operator intervention (admin or crash shutdown, cannot connect now).
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57");

    private InfrastructureFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof ResourceException || cause instanceof SystemException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && TRANSIENT_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
