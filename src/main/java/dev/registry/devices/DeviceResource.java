package dev.registry.devices;

import dev.registry.rest.ApiDocs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.metrics.annotation.Timed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One device of the seed's API, /device/{id}: read, rename, merge-patch, delete; ETags throughout.
 * The id arrives as text and {@link DeviceId} converts it here: as a JAX-RS parameter type, Jersey
 * would check it before the body, and a request wrong in both would change its answer.
 */
@Path("device/{id}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(ref = "devices") // declared once, on DevicesResource: Payara would list a second copy
@APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
@APIResponse(responseCode = "422", ref = ApiDocs.INVALID)
@APIResponse(responseCode = "500", ref = ApiDocs.SERVER_ERROR)
public class DeviceResource {

    // Built once: every Json.create* call looks the JSON provider up through ServiceLoader.
    private static final JsonObject DELETED = Json.createObjectBuilder().add("ok", true).build();

    @Inject
    DeviceManager manager;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @GET
    @Operation(summary = "Read one device", description = "Answers 304 when If-None-Match holds its current ETag.")
    @APIResponse(responseCode = "200", description = "The device", headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Device.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @Timed(name = "devices.read", absolute = true, description = "Requests and their latency")
    public Response find(@Parameter(ref = ApiDocs.ID) @PathParam("id") String id) {
        Device device = manager.find(DeviceId.valueOf(id).value()).orElseThrow(DeviceProblems::notFound);
        var etag = Preconditions.etag(device);
        Response.ResponseBuilder unmet = request.evaluatePreconditions(etag);
        if (unmet == null) {
            return Response.ok(device).tag(etag).build();
        }
        Response answer = unmet.tag(etag).build();
        if (answer.getStatus() == Response.Status.NOT_MODIFIED.getStatusCode()) {
            return answer;
        }
        throw DeviceProblems.stale();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a device", description = "With If-Match, only if the device is still at that version.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeviceRequest.class),
            examples = @ExampleObject(name = "rename", value = "{\"name\": \"renamed\"}")))
    @APIResponse(responseCode = "200", description = "The updated device", headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Device.class)))
    @APIResponse(responseCode = "412", ref = ApiDocs.STALE)
    @APIResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED)
    @Parameter(ref = ApiDocs.IF_MATCH)
    @Timed(name = "devices.update", absolute = true, description = "Requests and their latency")
    public Response update(@Parameter(ref = ApiDocs.ID) @PathParam("id") String id, DeviceRequest body) {
        return answer(manager.rename(DeviceId.valueOf(id).value(), body.name(), ifMatch()));
    }

    @PATCH
    @Consumes(DevicePatch.MEDIA_TYPE)
    @Operation(summary = "Change a device with a JSON merge patch (RFC 7396)",
            description = "Members present are set, absent ones kept; name cannot be removed. Same rules as PUT.")
    @RequestBody(required = true, content = @Content(mediaType = DevicePatch.MEDIA_TYPE,
            schema = @Schema(implementation = DevicePatch.class),
            examples = @ExampleObject(name = "rename", value = "{\"name\": \"renamed\"}")))
    @APIResponse(responseCode = "200", description = "The device after the patch", headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Device.class)))
    @APIResponse(responseCode = "412", ref = ApiDocs.STALE)
    @APIResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED)
    @Parameter(ref = ApiDocs.IF_MATCH)
    @Timed(name = "devices.patch", absolute = true, description = "Requests and their latency")
    public Response patch(@Parameter(ref = ApiDocs.ID) @PathParam("id") String id, DevicePatch patch) {
        long device = DeviceId.valueOf(id).value();
        return answer(patch.name().isPresent()
                ? manager.rename(device, patch.name().get(), ifMatch())
                : manager.unchanged(device, ifMatch()));
    }

    @DELETE
    @Operation(summary = "Delete a device", description = "With If-Match, only if the device is still at that version.")
    @APIResponse(responseCode = "200", description = "Deleted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "ok", value = "{\"ok\": true}")))
    @APIResponse(responseCode = "412", ref = ApiDocs.STALE)
    @Parameter(ref = ApiDocs.IF_MATCH)
    @Timed(name = "devices.delete", absolute = true, description = "Requests and their latency")
    public JsonObject delete(@Parameter(ref = ApiDocs.ID) @PathParam("id") String id) {
        written(manager.delete(DeviceId.valueOf(id).value(), ifMatch()));
        return DELETED;
    }

    private List<Long> ifMatch() {
        return Preconditions.ifMatch(headers.getRequestHeader(HttpHeaders.IF_MATCH));
    }

    private static Response answer(WriteResult result) {
        Device device = written(result);
        return Response.ok(device).tag(Preconditions.etag(device)).build();
    }

    /** The device written, or the problem that says why nothing was. */
    private static Device written(WriteResult result) {
        return switch (result.outcome()) {
            case WRITTEN -> result.device();
            case MISSING -> throw DeviceProblems.notFound();
            case STALE -> throw DeviceProblems.stale();
        };
    }
}
