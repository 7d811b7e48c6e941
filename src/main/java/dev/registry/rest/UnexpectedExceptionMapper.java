package dev.registry.rest;

import dev.registry.database.DatabaseOutage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last resort. A database outage is a 503 the client may retry; anything else is a 500. The
 * client never sees details; the default log level sees lines naming the request id, and the stack
 * trace (which may quote SQL) is logged at FINE.
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
        LOG.severe(() -> "Request failed unexpectedly [X-Request-Id " + id + "]; details at log level FINE");
        return Problem.response(500, Problem.SERVER_ERROR);
    }
}
