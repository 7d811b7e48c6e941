package dev.registry.health;

import dev.registry.rest.Measured;
import dev.registry.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.core.MediaType;

/** The seed's database ping, unchanged; MicroProfile Health (/health/live, /health/ready) sits beside it. */
@Path("health-check")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    // Built once: every Json.create* call looks the JSON provider up through ServiceLoader.
    private static final JsonObject REACHABLE = Json.createObjectBuilder().add("status", "ok").add("db", "reachable").build();

    @Inject
    DatabasePing ping;

    @GET
    @Path("db")
    @Measured("health.check.db")
    public JsonObject database() {
        if (!ping.reachable()) {
            throw new ServiceUnavailableException(Problem.unavailable("The database is unreachable."));
        }
        return REACHABLE;
    }
}
