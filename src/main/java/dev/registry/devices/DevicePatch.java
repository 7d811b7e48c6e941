package dev.registry.devices;

import dev.registry.rest.FieldError;
import dev.registry.rest.InvalidInputException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A JSON merge patch (RFC 7396) of a device: a member present sets the field, an absent one keeps
 * it. name is required, so removing it (null) is refused like any invalid name.
 */
@Schema(description = "A JSON merge patch of a device: members present are set, absent ones kept")
public record DevicePatch(
        @Schema(implementation = String.class, maxLength = Device.NAME_MAX_LENGTH, example = "renamed",
                description = "Same rules as in PUT; null is refused (name cannot be removed)")
        Optional<String> name) {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    static DevicePatch from(JsonValue body) {
        if (!(body instanceof JsonObject object)) {
            throw new InvalidInputException(FieldError.wholeBody(
                    "Input should be a JSON object", "model_attributes_type"));
        }
        return new DevicePatch(object.containsKey("name")
                ? Optional.of(DeviceRequest.from(object).name())
                : Optional.empty());
    }
}
