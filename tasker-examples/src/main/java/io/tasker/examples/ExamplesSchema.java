package io.tasker.examples;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates the examples' own table when the application starts, with Flyway and a history table of its own: how a
 * workflow jar can own its schema beside Tasker's.
 */
@ApplicationScoped
public class ExamplesSchema {

    @Resource(lookup = "java:app/jdbc/tasker")
    private DataSource dataSource;

    void migrate(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Flyway.configure(ExamplesSchema.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/tasker-examples")
                .table("tasker_examples_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
