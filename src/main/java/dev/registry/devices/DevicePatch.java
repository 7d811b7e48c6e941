package dev.registry.devices;

import dev.registry.rest.FieldError;
import dev.registry.rest.InvalidInputException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * A JSON merge patch (RFC 7396) of a device: a member present sets the field, an absent one keeps
 * it. name is required, so removing it (null) is refused like any invalid name.
 */
public record DevicePatch(Optional<String> name) {

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
