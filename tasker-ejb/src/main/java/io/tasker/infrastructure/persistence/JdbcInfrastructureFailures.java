package io.tasker.infrastructure.persistence;

import io.tasker.retry.InfrastructureFailures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Recognises a passing failure of the infrastructure by what is in the cause chain: a JDBC exception of the
 * transient or recoverable kind, or with a SQLSTATE of a class that means the connection or the server rather than
 * the statement; or the container's failure to allocate a connection or to take part in the transaction.
 */
@ApplicationScoped
public class JdbcInfrastructureFailures implements InfrastructureFailures {

    // SQLSTATE classes: 08 connection exception, 40 transaction rollback (serialization, deadlock),
    // 53 insufficient resources, 57 operator intervention (admin or crash shutdown, cannot connect now).
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57");

    @Override
    public boolean isTransient(Throwable failure) {
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
