package dev.registry.health;

import dev.registry.database.DataSourceName;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Asks PostgreSQL for SELECT 1 through the server's pool: the seed's ping_db. */
@ApplicationScoped
public class DatabasePing {

    private static final Logger LOG = Logger.getLogger(DatabasePing.class.getName());

    @Resource(lookup = DataSourceName.JNDI)
    DataSource dataSource;

    public boolean reachable() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException unreachable) {
            LOG.warning(() -> "Database ping failed: SQLState " + unreachable.getSQLState());
            return false;
        }
    }
}
