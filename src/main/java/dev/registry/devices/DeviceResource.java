package dev.registry.devices;

import dev.registry.rest.FieldError;
import dev.registry.rest.InvalidInputException;
import dev.registry.rest.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.regex.Pattern;

/** The seed's /device API; "device" and "device/" both match. */
@Path("device")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    @Inject
    DeviceManager manager;

    @Context
    UriInfo uriInfo;

    @POST
    public Response create(DeviceRequest request) {
        Device device = manager.create(request.name());
        var location = uriInfo.getBaseUriBuilder().path(DeviceResource.class).path(String.valueOf(device.getId())).build();
        return Response.created(location).entity(device).build();
    }

    @GET
    public List<Device> all() {
        return manager.all();
    }

    @GET
    @Path("{id}")
    public Device find(@PathParam("id") String id) {
        return manager.find(deviceId(id)).orElseThrow(DeviceResource::notFound);
    }

    @PUT
    @Path("{id}")
    public Device update(@PathParam("id") String id, DeviceRequest request) {
        return manager.rename(deviceId(id), request.name()).orElseThrow(DeviceResource::notFound);
    }

    @DELETE
    @Path("{id}")
    public JsonObject delete(@PathParam("id") String id) {
        if (!manager.delete(deviceId(id))) {
            throw notFound();
        }
        return Json.createObjectBuilder().add("ok", true).build();
    }

    /** Not a number is the client's mistake (422, as in the seed); a number no row can have is 404. */
    static long deviceId(String raw) {
        if (!INTEGER.matcher(raw).matches()) {
            throw new InvalidInputException(FieldError.path("device_id",
                    "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
        }
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException beyondRange) {
            throw notFound();
        }
    }

    static NotFoundException notFound() {
        return new NotFoundException(Problem.response(404, "Device not found"));
    }
}
