package dev.registry.devices;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes devices with a JSON-P generator, member for member what JSON-B writes for a {@link Device}
 * (DeviceGeneratorTest holds the two equal). For the full list only: JSON-B looks each property up
 * and allocates as it goes, which under many concurrent lists filled the young generation fast
 * enough to promote batches still in flight and keep the old one collecting (README).
 */
final class DeviceGenerator {

    /** One factory: {@code Json.createGenerator} looks the provider up on every call. */
    private static final JsonGeneratorFactory FACTORY = Json.createGeneratorFactory(Map.of());

    private DeviceGenerator() {
    }

    static JsonGenerator over(OutputStream output) {
        return FACTORY.createGenerator(output, StandardCharsets.UTF_8);
    }

    /** Like JSON-B's default, a null member is left out. */
    static void write(Device device, JsonGenerator generator) {
        generator.writeStartObject();
        if (device.getId() != null) {
            generator.write("id", device.getId());
        }
        if (device.getName() != null) {
            generator.write("name", device.getName());
        }
        generator.write("version", device.getVersion());
        if (device.getCreatedAt() != null) {
            generator.write("created_at", TimestampSerializer.format(device.getCreatedAt()));
        }
        if (device.getUpdatedAt() != null) {
            generator.write("updated_at", TimestampSerializer.format(device.getUpdatedAt()));
        }
        generator.writeEnd();
    }
}
