package dev.registry.health;

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
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
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
}
