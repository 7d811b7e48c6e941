package dev.registry.health;

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
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seed's database ping, unchanged; MicroProfile Health (/health/live, /health/ready) sits beside it. */
@Path("health-check")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "health", description = "The tutorial's database health check")
public class HealthResource {

    // Built once: every Json.create* call looks the JSON provider up through ServiceLoader.
    private static final JsonObject REACHABLE = Json.createObjectBuilder().add("status", "ok").add("db", "reachable").build();

    @Inject
    DatabasePing ping;

    @GET
    @Path("db")
    @Operation(summary = "Is the database reachable?", description = "Runs SELECT 1 through the server's pool.")
    @APIResponse(responseCode = "200", description = "The database answered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "ok", value = "{\"status\":\"ok\",\"db\":\"reachable\"}")))
    @APIResponse(responseCode = "503", description = "The database did not answer; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Timed(name = "health.check.db", absolute = true, description = "Requests and their latency")
    public JsonObject database() {
        if (!ping.reachable()) {
            throw new ServiceUnavailableException(Problem.unavailable("The database is unreachable."));
        }
        return REACHABLE;
    }
}
