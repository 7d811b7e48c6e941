package dev.registry.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Exceptions our code throws already carry a problem body and pass through; those JAX-RS raises
 * itself (unknown path, 405, 406, 415, ...) get one here, keeping their headers such as Allow.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response response = exception.getResponse();
        if (response.hasEntity()) {
            return response;
        }
        int status = response.getStatus();
        return Response.fromResponse(response)
                .type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, detail(status)))
                .build();
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood.";
            case 404 -> "No resource exists at this path.";
            case 405 -> "This method is not allowed on this resource; the Allow header lists those that are.";
            case 406 -> "This resource answers only with application/json.";
            case 415 -> "The request body's media type is not accepted here: send application/json"
                    + " (application/merge-patch+json for PATCH).";
            case 503 -> "The service cannot answer right now; retry after the Retry-After delay.";
            default -> status >= 500
                    ? Problem.SERVER_ERROR
                    : "The request was refused (HTTP " + status + ").";
        };
    }
}
