package io.tasker.infrastructure.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * PostgreSQL's data source, addressed by MicroProfile Config: {@code tasker.db.url}, {@code tasker.db.user} and
 * {@code tasker.db.password} (which {@code TASKER_DB_URL}, {@code TASKER_DB_USER} and {@code TASKER_DB_PASSWORD}
 * override). The server's pool creates it from {@link TaskerDataSource}; reading the settings here rather than
 * through a server's placeholder syntax in the definition lets every server use the same definition and the same
 * configuration sources.
 *
 * <p>The settings are read when the pool opens its first connection and replace whatever server name, port or
 * user the server set from the definition's defaults.
 */
public class ConfiguredPostgresDataSource extends PGSimpleDataSource {

    private volatile boolean configured;

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        configure();
        return super.getConnection(getUser(), getPassword());
    }

    private synchronized void configure() {
        if (configured) {
            return;
        }
        Config config = ConfigProvider.getConfig(ConfiguredPostgresDataSource.class.getClassLoader());
        setURL(config.getValue("tasker.db.url", String.class));
        setUser(config.getValue("tasker.db.user", String.class));
        setPassword(config.getValue("tasker.db.password", String.class));
        // Statements are prepared server-side from their first use.
        setPrepareThreshold(1);
        configured = true;
    }
}
