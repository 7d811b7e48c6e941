package dev.registry.devices;

/**
 * The {id} of /device/{id}. Not an integer is the client's
 * mistake (422, as in the seed); an integer no row can have (beyond bigint) is simply not found.
 */
public record DeviceId(long value) {

    public static DeviceId valueOf(String raw) {
        try {
            return new DeviceId(Integers.parse(raw, "path", "device_id"));
        } catch (NumberFormatException beyondRange) {
            throw DeviceProblems.notFound();
        }
    }
}
