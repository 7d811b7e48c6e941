package dev.registry.migration;

import dev.registry.health.DatabaseOutage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Holds a starting server until its database accepts connections, retrying with backoff (0.5 s,
 * doubling, at most 5 s apart) for as long as it takes: containers start in any order. A database
 * that answers but refuses the server's credentials or database name is a configuration error, not
 * an outage, and fails at once.
 */
public final class DatabaseWait {

    static final Duration FIRST_DELAY = Duration.ofMillis(500);
    static final Duration LONGEST_DELAY = Duration.ofSeconds(5);

    private DatabaseWait() {
    }

    public static void untilReachable(DataSource dataSource, Logger log) {
        Duration delay = FIRST_DELAY;
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = dataSource.getConnection()) {
                if (attempt > 1) {
                    log.info("Database reachable after " + attempt + " attempts");
                }
                return;
            } catch (SQLException failure) {
                if (!isOutage(failure)) {
                    throw new IllegalStateException("Database refused the connection (SQLState " + state(failure)
                            + "): check DB_USER, DB_PASSWORD and DB_NAME", failure);
                }
                log.warning("Database unreachable (SQLState " + state(failure) + "); attempt " + attempt
                        + ", next in " + delay.toMillis() + " ms");
                sleep(delay);
                delay = delay.multipliedBy(2).compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay.multipliedBy(2);
            }
        }
    }

    /** An outage, as opposed to a misconfiguration: authorization (28xxx) or unknown database (3D000). */
    static boolean isOutage(Throwable failure) {
        String state = state(failure);
        return DatabaseOutage.isCause(failure) && !state.startsWith("28") && !state.equals("3D000");
    }

    /** The SQLState of the innermost SQLException that has one: the driver's, not the pool's. */
    static String state(Throwable failure) {
        String state = "none";
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        return state;
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
