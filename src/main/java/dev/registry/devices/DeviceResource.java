package dev.registry.devices;

import dev.registry.rest.ApiDocs;
import dev.registry.rest.FieldError;
import dev.registry.rest.InvalidInputException;
import dev.registry.rest.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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

/** The seed's /device API ("device" and "device/" both match), plus paging, ETags and PATCH. */
@Path("device")
// One instance for all requests: a request-scoped resource cost a CDI bean and HK2 injection per call
// (GET by id went from 1285 to 2003 req/s). The @Context fields are Jersey's per-request proxies.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "devices", description = "The device registry")
@APIResponse(responseCode = "422", ref = ApiDocs.INVALID)
@APIResponse(responseCode = "500", ref = ApiDocs.SERVER_ERROR)
public class DeviceResource {

    static final int MAX_LIMIT = 1000;
    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    // Built once: every Json.create* call looks the JSON provider up through ServiceLoader.
    private static final JsonObject DELETED = Json.createObjectBuilder().add("ok", true).build();

    @Inject
    DeviceManager manager;

    @Context
    UriInfo uriInfo;

    @Context
    HttpHeaders headers;

    @Context
    Request request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a device", description = "Any id in the body is ignored: PostgreSQL assigns it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeviceRequest.class),
            examples = @ExampleObject(name = "seed", value = "{\"name\": \"my-first-device\"}")))
    @APIResponse(responseCode = "201", description = "Stored; Location names the new device",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)), @Header(name = "ETag", ref = ApiDocs.ETAG)},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Device.class)))
    @APIResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED)
    @Timed(name = "devices.create", absolute = true, description = "Requests and their latency")
    public Response create(DeviceRequest body) {
        Device device = manager.create(body.name());
        var location = uriInfo.getBaseUriBuilder().path(DeviceResource.class).path(String.valueOf(device.getId())).build();
        return Response.created(location).tag(Preconditions.etag(device)).entity(device).build();
    }

    /**
     * Without limit: every (matching) device, streamed, as the seed answers. With limit: a keyset
     * page, and a Link to the next one while more remain.
     */
    @GET
    @Operation(summary = "List devices in id order",
            description = "Without limit, every matching device in one JSON array, as the tutorial answers (streamed, "
                    + "so the table's size does not matter). With limit, one keyset page and, while more remain, "
                    + "a Link header with rel=\"next\".")
    @APIResponse(responseCode = "200", description = "Devices ordered by id",
            headers = @Header(name = "Link", description = "<...?limit=N&after=ID>; rel=\"next\" while more remain",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = Device.class)))
    @Timed(name = "devices.list", absolute = true, description = "Requests and their latency")
    public Response list(
            @Parameter(description = "Page size, 1 to " + MAX_LIMIT + "; without it the whole list is returned",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"), example = "20")
            @QueryParam("limit") String limit,
            @Parameter(description = "Return devices with an id above this one (the last id of the previous page)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
            @QueryParam("after") String after,
            @Parameter(description = "Only devices whose name starts with this text (matched literally)",
                    schema = @Schema(type = SchemaType.STRING))
            @QueryParam("name") String name) {
        long from = after == null ? 0 : afterId(after);
        if (limit == null) {
            return Response.ok(new DeviceListing(manager, name, from)).build();
        }
        int size = pageSize(limit);
        List<Device> page = manager.page(name, from, size + 1);
        if (page.size() <= size) {
            return Response.ok(page).build();
        }
        List<Device> shown = page.subList(0, size);
        var next = uriInfo.getRequestUriBuilder()
                .replaceQueryParam("after", shown.get(size - 1).getId()).build();
        return Response.ok(List.copyOf(shown)).link(next, "next").build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read one device", description = "Answers 304 when If-None-Match holds its current ETag.")
    @APIResponse(responseCode = "200", description = "The device",
            headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Device.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @Timed(name = "devices.read", absolute = true, description = "Requests and their latency")
    public Response find(@Parameter(ref = ApiDocs.ID) @PathParam("id") String id) {
        Device device = manager.find(deviceId(id)).orElseThrow(DeviceResource::notFound);
        var etag = Preconditions.etag(device);
        Response.ResponseBuilder precondition = request.evaluatePreconditions(etag);
        if (precondition == null) {
            return Response.ok(device).tag(etag).build();
        }
        Response failed = precondition.tag(etag).build();
        if (failed.getStatus() == Response.Status.NOT_MODIFIED.getStatusCode()) {
            return failed;
        }
        throw stale();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename a device", description = "With If-Match, only if the device is still at that version.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeviceRequest.class),
            examples = @ExampleObject(name = "rename", value = "{\"name\": \"renamed\"}")))
    @APIResponse(responseCode = "200", description = "The updated device",
            headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Device.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = ApiDocs.STALE)
    @APIResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED)
    @Parameter(ref = ApiDocs.IF_MATCH)
    @Timed(name = "devices.update", absolute = true, description = "Requests and their latency")
    public Response update(@Parameter(ref = ApiDocs.ID) @PathParam("id") String id,
            DeviceRequest body) {
        return rename(deviceId(id), body.name());
    }

    @PATCH
    @Path("{id}")
    @Consumes(DevicePatch.MEDIA_TYPE)
    @Operation(summary = "Change a device with a JSON merge patch (RFC 7396)",
            description = "Members present are set, absent ones kept; name cannot be removed. Same rules as PUT.")
    @RequestBody(required = true, content = @Content(mediaType = DevicePatch.MEDIA_TYPE,
            schema = @Schema(implementation = DevicePatch.class),
            examples = @ExampleObject(name = "rename", value = "{\"name\": \"renamed\"}")))
    @APIResponse(responseCode = "200", description = "The device after the patch",
            headers = @Header(name = "ETag", ref = ApiDocs.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Device.class)))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = ApiDocs.STALE)
    @APIResponse(responseCode = "415", ref = ApiDocs.UNSUPPORTED)
    @Parameter(ref = ApiDocs.IF_MATCH)
    @Timed(name = "devices.patch", absolute = true, description = "Requests and their latency")
    public Response patch(@Parameter(ref = ApiDocs.ID) @PathParam("id") String id,
            DevicePatch patch) {
        long deviceId = deviceId(id);
        if (patch.name().isPresent()) {
            return rename(deviceId, patch.name().get());
        }
        Device device = manager.find(deviceId).orElseThrow(DeviceResource::notFound);
        List<Long> versions = Preconditions.ifMatch(headers);
        if (versions != null && !versions.contains(device.getVersion())) {
            throw stale();
        }
        return Response.ok(device).tag(Preconditions.etag(device)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a device", description = "With If-Match, only if the device is still at that version.")
    @APIResponse(responseCode = "200", description = "Deleted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "ok", value = "{\"ok\": true}")))
    @APIResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @APIResponse(responseCode = "412", ref = ApiDocs.STALE)
    @Parameter(ref = ApiDocs.IF_MATCH)
    @Timed(name = "devices.delete", absolute = true, description = "Requests and their latency")
    public JsonObject delete(@Parameter(ref = ApiDocs.ID) @PathParam("id") String id) {
        long deviceId = deviceId(id);
        if (!manager.delete(deviceId, Preconditions.ifMatch(headers))) {
            throw manager.find(deviceId).isPresent() ? stale() : notFound();
        }
        return DELETED;
    }

    private Response rename(long id, String name) {
        Optional<Device> renamed = manager.rename(id, name, Preconditions.ifMatch(headers));
        if (renamed.isEmpty()) {
            throw manager.find(id).isPresent() ? stale() : notFound();
        }
        return Response.ok(renamed.get()).tag(Preconditions.etag(renamed.get())).build();
    }

    /** Not a number is the client's mistake (422, as in the seed); a number no row can have is 404. */
    static long deviceId(String raw) {
        try {
            return integer(raw, "path", "device_id");
        } catch (NumberFormatException beyondRange) {
            throw notFound();
        }
    }

    private static long integer(String raw, String where, String name) {
        if (!INTEGER.matcher(raw).matches()) {
            throw new InvalidInputException(new FieldError(List.of(where, name),
                    "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
        }
        return Long.parseLong(raw);
    }

    /** An id beyond the column's range is past every row, or before all of them. */
    private static long afterId(String raw) {
        try {
            return integer(raw, "query", "after");
        } catch (NumberFormatException beyondRange) {
            return raw.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private static int pageSize(String raw) {
        long size;
        try {
            size = integer(raw, "query", "limit");
        } catch (NumberFormatException beyondRange) {
            size = Long.MAX_VALUE;
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInputException(new FieldError(List.of("query", "limit"),
                    "Input should be between 1 and " + MAX_LIMIT, size < 1 ? "greater_than_equal" : "less_than_equal"));
        }
        return (int) size;
    }

    static NotFoundException notFound() {
        return new NotFoundException(Problem.response(404, "Device not found"));
    }

    static WebApplicationException stale() {
        return new WebApplicationException(Problem.response(412,
                "The device has changed since the version in If-Match: fetch it again and retry."));
    }
}
