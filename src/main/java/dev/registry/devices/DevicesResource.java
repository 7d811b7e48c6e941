package dev.registry.devices;

import dev.registry.rest.Measured;
import dev.registry.rest.RequestIdFilter;
import dev.registry.rest.Streamed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** The seed's collection, /device ("device" and "device/" both match): create, and list with paging. */
@Path("device")
// One instance for all requests (the @Context fields are per-request proxies): a request-scoped
// resource costs a CDI bean and its injection on every call.
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DevicesResource {

    /** On a 201 that repeats an earlier create with the same Idempotency-Key. */
    static final String REPLAYED = "Idempotent-Replayed";

    @EJB // not @Inject: see DeviceResource
    DeviceManager manager;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest request;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Measured("devices.create")
    public Response create(DeviceRequest body, @HeaderParam(IdempotencyKey.HEADER) String key) {
        CreateResult result = manager.create(body.name(), IdempotencyKey.valueOf(key));
        if (result.outcome() == CreateResult.Outcome.KEY_REUSED) {
            throw IdempotencyKey.reusedWithAnotherBody();
        }
        Device device = result.device();
        var location = uriInfo.getBaseUriBuilder().path(DeviceResource.class).build(device.getId());
        var created = Response.created(location).tag(Preconditions.etag(device)).entity(device);
        return result.outcome() == CreateResult.Outcome.REPLAYED ? created.header(REPLAYED, true).build() : created.build();
    }

    @GET
    @Measured("devices.list")
    @Streamed
    public Response list(
            @QueryParam("limit") String limit,
            @QueryParam("after") String after,
            @QueryParam("name") String name) {
        // Converted here, not by JAX-RS: Jersey would take an empty ?limit= for no limit at all, and
        // after is checked first, as it always was.
        long from = after == null ? AfterId.START.value() : AfterId.valueOf(after).value();
        if (limit == null) {
            return Response.ok(new DeviceListing(manager, name, from, RequestIdFilter.of(request))).build();
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
