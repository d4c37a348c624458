package io.tasker.infrastructure.persistence;

import io.tasker.json.JsonDocuments;
import io.tasker.telemetry.StatusStore;
import io.tasker.telemetry.SystemStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.TreeMap;

/** The system's status: {@code tasker_system_status}, one JSON document. */
@ApplicationScoped
public class JdbcStatusStore implements StatusStore {

    @Inject
    private SqlCalls sql;

    @Override
    public SystemStatus count() {
        Map<String, Object> status = sql.call("SELECT tasker_system_status()", statement -> {
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return JsonDocuments.readObject(row.getString(1));
            }
        });
        return new SystemStatus(counts(status.get("tasks")), counts(status.get("steps")),
                moment(status.get("oldest_pending_task_at")), ((Number) status.get("retries_due")).longValue(),
                ((Number) status.get("retries_waiting")).longValue(), moment(status.get("at")));
    }

    private static Map<String, Long> counts(Object byState) {
        Map<String, Long> counts = new TreeMap<>();
        ((Map<?, ?>) byState).forEach((state, total) -> counts.put((String) state, ((Number) total).longValue()));
        return counts;
    }

    private static OffsetDateTime moment(Object text) {
        return text == null ? null : OffsetDateTime.parse((String) text);
    }
}
