package dev.registry.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/** FastAPI reads a body without Content-Type as JSON, and seed clients rely on it. */
@Provider
@PreMatching
public class JsonByDefaultFilter implements ContainerRequestFilter {

    private static final Set<String> BODY_METHODS = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getMediaType() == null && BODY_METHODS.contains(request.getMethod())) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
