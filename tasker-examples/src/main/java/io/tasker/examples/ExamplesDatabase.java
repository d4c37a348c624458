package io.tasker.examples;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;

/**
 * Tasker's database, for the examples' own table, which Flyway creates before the data source is first handed out,
 * with a history table of its own: how a workflow jar can own its schema beside Tasker's. The data source is the
 * one Tasker works in (the server's, when {@code tasker.db.datasource} names one, else Tasker's own
 * {@code java:app/jdbc/tasker}), so the examples' writes join the step's transaction. It is looked up by its name
 * when a bean first needs it (Tasker calls that bean, so the application's names are in reach), not
 * injected with {@code @Resource} nor migrated as the application starts: Payara Server neither injects resources
 * into the beans of an EAR's library jars, where a workflow jar goes, nor lets them look names up while the
 * application starts (docs/workflows.md). Flyway runs on the server's default managed executor, outside the
 * transaction of the bean that first needs the data source: it commits its own work, which WildFly refuses on a
 * connection enlisted in a transaction.
 */
@ApplicationScoped
public class ExamplesDatabase {

    private volatile boolean migrated;

    @Produces
    @Dependent
    DataSource taskerDataSource() throws NamingException {
        String name = ConfigProvider.getConfig(ExamplesDatabase.class.getClassLoader())
                .getOptionalValue("tasker.db.datasource", String.class)
                .orElse("java:app/jdbc/tasker");
        DataSource dataSource = InitialContext.doLookup(name);
        if (!migrated) {
            migrate(dataSource);
        }
        return dataSource;
    }

    private synchronized void migrate(DataSource dataSource) throws NamingException {
        if (migrated) {
            return;
        }
        Flyway flyway = Flyway.configure(ExamplesDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/tasker-examples")
                .table("tasker_examples_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
        ExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        try {
            executor.submit(flyway::migrate).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while migrating the examples' schema", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot migrate the examples' schema", e.getCause());
        }
        migrated = true;
    }
}
