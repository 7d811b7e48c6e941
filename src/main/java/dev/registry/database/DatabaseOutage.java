package dev.registry.database;

import jakarta.resource.ResourceException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Tells a failure to reach the database (down, restarting, refusing, a commit it could not complete,
 * or no pooled connection free in time) from every other failure: the first is a 503 the client may
 * retry, as nothing was committed; the others are bugs.
 */
public final class DatabaseOutage {

    /** PostgreSQL's "server shutting down / crashed / starting up" codes. */
    private static final Set<String> UNAVAILABLE = Set.of("57P01", "57P02", "57P03");

    private DatabaseOutage() {
    }

    public static boolean isCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            // A commit the database could not complete (its connection died) surfaces as a rollback
            // or an XA failure whose message, not cause, names the connection error.
            if (t instanceof ResourceException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof XAException
                    || t instanceof RollbackException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    String state = s.getSQLState();
                    if (state != null && (state.startsWith("08") || UNAVAILABLE.contains(state))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * An outage worth waiting out, as opposed to a database that answers but refuses this server:
     * authorization (28xxx) or an unknown database (3D000) is a configuration error.
     */
    public static boolean isWorthWaiting(Throwable failure) {
        String state = sqlState(failure);
        return isCause(failure) && !state.startsWith("28") && !state.equals("3D000");
    }

    /** The SQLState of the innermost SQLException that has one (the driver's, not the pool's), or "none". */
    public static String sqlState(Throwable failure) {
        String state = "none";
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        return state;
    }

    private static Throwable next(Throwable t) {
        return t.getCause() == t ? null : t.getCause();
    }
}
