package dev.registry.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Holds a starting server until its database accepts connections, retrying with backoff for as long
 * as it takes: containers start in any order. A database that answers but refuses the server's
 * credentials or database name is a configuration error, not an outage, and fails at once.
 */
public final class DatabaseWait {

    private DatabaseWait() {
    }

    public static void untilReachable(DataSource dataSource, Logger log) {
        Backoff backoff = new Backoff();
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (attempt > 1) {
                    log.info("Database reachable after " + attempt + " attempts");
                }
                return;
            } catch (SQLException failure) {
                if (!DatabaseOutage.isWorthWaiting(failure)) {
                    throw new IllegalStateException("Database refused the connection (SQLState "
                            + DatabaseOutage.sqlState(failure) + "): check DB_USER, DB_PASSWORD and DB_NAME", failure);
                }
                Duration delay = backoff.next();
                log.warning("Database unreachable (SQLState " + DatabaseOutage.sqlState(failure) + "); attempt "
                        + attempt + ", next in " + delay.toMillis() + " ms");
                sleep(delay);
            }
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", stopping);
        }
    }
}
