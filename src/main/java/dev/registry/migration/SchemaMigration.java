package dev.registry.migration;

import dev.registry.database.DataSourceName;
import dev.registry.database.DatabaseOutage;
import dev.registry.database.DatabaseWait;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Applies the Liquibase changelog while the application deploys: the container serves no request
 * before a startup singleton is ready, and a failing changeset fails the deployment, so no instance
 * ever serves on a half-migrated schema. An unreachable database is not a failure: the migration
 * waits for it and runs again (a changeset cut off by an outage was rolled back with its transaction).
 */
@Startup
@Singleton
// Liquibase commits each changeset itself, which a container transaction would forbid.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = DataSourceName.JNDI)
    DataSource dataSource;

    @Inject
    SchemaState state;

    @PostConstruct
    void migrate() {
        while (true) {
            DatabaseWait.untilReachable(dataSource, LOG);
            try (Connection connection = dataSource.getConnection()) {
                Changelog.update(connection, Changelog.PATH, LOG::info);
                state.migrated();
                return;
            } catch (SQLException | IllegalStateException failure) {
                if (!DatabaseOutage.isWorthWaiting(failure)) {
                    throw failure instanceof IllegalStateException fatal ? fatal
                            : new IllegalStateException("Database migration failed (SQLState "
                                    + DatabaseOutage.sqlState(failure) + ")", failure);
                }
                LOG.warning("Database lost during the migration (SQLState " + DatabaseOutage.sqlState(failure)
                        + "); waiting for it to run the migration again");
            }
        }
    }
}
