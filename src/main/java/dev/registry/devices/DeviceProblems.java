package dev.registry.devices;

import dev.registry.rest.Problem;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;

/** The two answers about one device that are not the device: missing (the seed's 404) and stale. */
final class DeviceProblems {

    private DeviceProblems() {
    }

    static NotFoundException notFound() {
        return new NotFoundException(Problem.response(404, "Device not found"));
    }

    static WebApplicationException stale() {
        return new WebApplicationException(Problem.response(412,
                "The device has changed since the version in If-Match: fetch it again and retry."));
    }
}
