package dev.registry.access;

import dev.registry.rest.RequestIdFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.logging.Logger;

/**
 * One INFO line per write a token allowed and the service carried out: who (the token's subject),
 * what (method and device id) and which request (X-Request-Id). Never the token itself.
 */
@Provider
@ApplicationScoped
public class AuditTrail implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(BearerTokenFilter.CALLER) instanceof Caller caller)
                || response.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
            return;
        }
        String method = request.getMethod();
        if (AccessRule.of(method, request.getUriInfo().getPath()) != AccessRule.WRITE) {
            return;
        }
        LOG.info(String.format("%s device %s by %s [X-Request-Id %s]", method,
                deviceId(request.getUriInfo().getPath(), response.getLocation()), caller.subject(),
                request.getProperty(RequestIdFilter.HEADER)));
    }

    /** The id in /device/{id}, or for a create the one its Location names. */
    static String deviceId(String path, URI location) {
        String target = location != null ? location.getPath() : path;
        String trimmed = target.endsWith("/") ? target.substring(0, target.length() - 1) : target;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }
}
