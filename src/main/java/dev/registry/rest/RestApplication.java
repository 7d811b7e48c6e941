package dev.registry.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The seed's prefix: every endpoint lives under /api/v1. The OpenAPI document is served at /openapi. */
@ApplicationPath("api/v1")
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // OPTIONS answers with the Allow header only, not with Jersey's generated WADL document.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
