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
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
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

    // The container's default thread factory: threads that carry this component's context.
    @Resource
    ManagedThreadFactory threads;

    @PostConstruct
    void migrate() {
        while (true) {
            DatabaseWait.untilReachable(dataSource, LOG);
            try {
                updateOnAThreadOfItsOwn();
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

    /**
     * Liquibase keeps its scope in an InheritableThreadLocal it never removes: run on a server thread,
     * it would hold this deployment's classes after an undeploy (Payara Server logs the leak as SEVERE
     * at stop-domain). On a thread that ends with the migration, nothing outlives it.
     */
    private void updateOnAThreadOfItsOwn() throws SQLException {
        var failure = new AtomicReference<Exception>();
        Thread migration = threads.newThread(() -> {
            try (Connection connection = dataSource.getConnection()) {
                Changelog.update(connection, Changelog.PATH, LOG::info);
            } catch (SQLException | RuntimeException e) {
                failure.set(e);
            }
        });
        migration.setName("devices-migration");
        migration.start();
        try {
            migration.join();
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the database migration ran", stopping);
        }
        Exception failed = failure.get();
        if (failed instanceof SQLException sql) {
            throw sql;
        }
        if (failed instanceof RuntimeException runtime) {
            throw runtime;
        }
    }
}
