package io.tasker.examples;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Tasker's database, for the examples' own table, which Flyway creates before the data source is first handed out,
 * with a history table of its own: how a workflow jar can own its schema beside Tasker's. The data source is looked
 * up by its name when a bean first needs it (Tasker calls that bean, so the application's names are in reach), not
 * injected with {@code @Resource} nor migrated as the application starts: Payara Server neither injects resources
 * into the beans of an EAR's library jars, where a workflow jar goes, nor lets them look names up while the
 * application starts (docs/workflows.md).
 */
@ApplicationScoped
public class ExamplesDatabase {

    private volatile boolean migrated;

    @Produces
    @Dependent
    DataSource taskerDataSource() throws NamingException {
        DataSource dataSource = InitialContext.doLookup("java:app/jdbc/tasker");
        if (!migrated) {
            migrate(dataSource);
        }
        return dataSource;
    }

    private synchronized void migrate(DataSource dataSource) {
        if (migrated) {
            return;
        }
        Flyway.configure(ExamplesDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/tasker-examples")
                .table("tasker_examples_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        migrated = true;
    }
}
