package io.tasker.infrastructure.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date at boot with Flyway, from the migrations in {@code sql/} (shipped as
 * {@code db/tasker} in the engine jar): the versioned ones, then the repeatable ones that define the functions
 * (sql/README.md). All the migrations one boot applies commit together, and Flyway locks the schema history, so
 * nodes that boot together migrate once and none runs on a half-upgraded schema. Runs before anything else that
 * touches the database.
 */
@Singleton
@Startup
// The log format is in place before the first line this node logs.
@DependsOn("LogFormat")
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    private static final String LOCATION = "classpath:db/tasker";

    @Inject
    @EngineDatabase
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        Flyway flyway = Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table("tasker_schema_history")
                // The database may hold other tables (the application's, or a workflow jar's): start the history
                // below the first migration so all of them still run.
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .group(true)
                .load();
        if (flyway.info().all().length == 0) {
            // Migrations that cannot be found would leave an empty database looking migrated.
            throw new IllegalStateException("TASKER-DB-002 no migrations found under " + LOCATION);
        }
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "TASKER-DB-001 schema at version " + flyway.info().current().getVersion() + " ("
                + result.migrationsExecuted + " migrations applied now)");
    }
}
