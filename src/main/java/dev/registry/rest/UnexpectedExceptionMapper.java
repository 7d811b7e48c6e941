package dev.registry.rest;

import dev.registry.database.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort. A database outage is a 503 the client may retry; anything else is a 500. The
 * client never sees details; the default log level sees lines naming the request id and the chain of
 * causes (their classes and SQLStates: enough to tell a bug from a fault), and the stack trace and
 * messages (which may quote SQL and data) are logged at FINE.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Exception exception) {
        String id = RequestIdFilter.of(request);
        LOG.log(Level.FINE, "Failure details [X-Request-Id " + id + "]", exception);
        if (DatabaseOutage.isCause(exception)) {
            // RequestIdFilter logs the 503 under the request id.
            return Problem.unavailable("The database is unavailable; retry shortly.");
        }
        LOG.severe(() -> "Request failed unexpectedly [X-Request-Id " + id + "]: " + causes(exception)
                + "; details at log level FINE");
        return Problem.response(500, Problem.SERVER_ERROR);
    }

    /**
     * "EJBException < PersistenceException < PSQLException (SQLState 40P01), thrown in
     * QueryExecutorImpl.processResults:2733": classes and where the innermost was thrown, never messages.
     */
    static String causes(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        int depth = 0;
        Throwable innermost = failure;
        for (Throwable t = failure; t != null && depth++ < 12; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " < ").append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                chain.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
            innermost = t;
        }
        StackTraceElement[] frames = innermost.getStackTrace();
        if (frames.length > 0) {
            // A bug's class says little without its place (a NullPointerException's message, which
            // would name it, may quote data): the simple class name, method and line.
            String type = frames[0].getClassName();
            chain.append(", thrown in ").append(type.substring(type.lastIndexOf('.') + 1)).append('.')
                    .append(frames[0].getMethodName()).append(':').append(frames[0].getLineNumber());
        }
        return chain.toString();
    }
}
