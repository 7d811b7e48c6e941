package dev.registry.devices;

import dev.registry.rest.Measured;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/**
 * One device of the seed's API, /device/{id}: read, rename, merge-patch, delete; ETags throughout.
 * The id arrives as text and {@link DeviceId} converts it here: as a JAX-RS parameter type, Jersey
 * would check it before the body, and a request wrong in both would change its answer.
 */
@Path("device/{id}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    // Built once: every Json.create* call looks the JSON provider up through ServiceLoader.
    private static final JsonObject DELETED = Json.createObjectBuilder().add("ok", true).build();

    // @EJB, not @Inject: CDI's proxy asks Payara for the bean's business object on every call, and
    // Payara finds it for a no-interface view by catching an IllegalArgumentException each time.
    @EJB
    DeviceManager manager;

    // A per-request proxy: every call on it looks the request up in HK2 (README, tuning table), so
    // headers arrive as parameters and this is asked only when a GET is conditional.
    @Context
    Request request;

    @GET
    @Measured("devices.read")
    public Response find(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Device device = manager.find(DeviceId.valueOf(id).value()).orElseThrow(DeviceProblems::notFound);
        var etag = Preconditions.etag(device);
        // evaluatePreconditions(EntityTag) reads only these two headers: without them it answers null.
        Response.ResponseBuilder unmet = ifMatch == null && ifNoneMatch == null ? null : request.evaluatePreconditions(etag);
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
    @Measured("devices.update")
    public Response update(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch,
            DeviceRequest body) {
        return answer(manager.rename(DeviceId.valueOf(id).value(), body.name(), Preconditions.ifMatch(ifMatch)));
    }

    @PATCH
    @Consumes(DevicePatch.MEDIA_TYPE)
    @Measured("devices.patch")
    public Response patch(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch,
            DevicePatch patch) {
        long device = DeviceId.valueOf(id).value();
        List<Long> versions = Preconditions.ifMatch(ifMatch);
        return answer(patch.name().isPresent()
                ? manager.rename(device, patch.name().get(), versions)
                : manager.unchanged(device, versions));
    }

    @DELETE
    @Measured("devices.delete")
    public JsonObject delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) List<String> ifMatch) {
        written(manager.delete(DeviceId.valueOf(id).value(), Preconditions.ifMatch(ifMatch)));
        return DELETED;
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
