package dev.registry.devices;

import dev.registry.rest.ApiDocs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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

/** The seed's collection, /device ("device" and "device/" both match): create, and list with paging. */
@Path("device")
// One instance for all requests (the @Context fields are per-request proxies): a request-scoped
// resource costs a CDI bean and its injection on every call.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "devices", description = "The device registry")
@APIResponse(responseCode = "422", ref = ApiDocs.INVALID)
@APIResponse(responseCode = "500", ref = ApiDocs.SERVER_ERROR)
public class DevicesResource {

    @Inject
    DeviceManager manager;

    @Context
    UriInfo uriInfo;

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
        var location = uriInfo.getBaseUriBuilder().path(DeviceResource.class).build(device.getId());
        return Response.created(location).tag(Preconditions.etag(device)).entity(device).build();
    }

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
            @Parameter(description = "Page size, 1 to " + PageSize.MAX + "; without it the whole list is returned",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1000"), example = "20")
            @QueryParam("limit") String limit,
            @Parameter(description = "Return devices with an id above this one (the last id of the previous page)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
            @QueryParam("after") String after,
            @Parameter(description = "Only devices whose name starts with this text (matched literally)",
                    schema = @Schema(type = SchemaType.STRING))
            @QueryParam("name") String name) {
        // Converted here, not by JAX-RS: Jersey would take an empty ?limit= for no limit at all, and
        // after is checked first, as it always was.
        long from = after == null ? AfterId.START.value() : AfterId.valueOf(after).value();
        if (limit == null) {
            return Response.ok(new DeviceListing(manager, name, from)).build();
        }
        int size = PageSize.valueOf(limit).value();
        List<Device> page = manager.page(name, from, size + 1);
        if (page.size() <= size) {
            return Response.ok(page).build();
        }
        List<Device> shown = List.copyOf(page.subList(0, size));
        var next = uriInfo.getRequestUriBuilder().replaceQueryParam("after", shown.get(size - 1).getId()).build();
        return Response.ok(shown).link(next, "next").build();
    }
}
