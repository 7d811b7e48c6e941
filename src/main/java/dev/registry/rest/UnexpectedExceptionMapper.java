package dev.registry.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The last resort: the details go to the server log, under the request's id, never to the client. */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Exception exception) {
        LOG.log(Level.SEVERE, "Request failed unexpectedly [X-Request-Id " + RequestIdFilter.of(request) + "]", exception);
        return Problem.response(500, Problem.SERVER_ERROR);
    }
}
