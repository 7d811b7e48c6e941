package dev.registry.devices;

import dev.registry.rest.FieldError;
import dev.registry.rest.InvalidInputException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The body of POST and PUT. Checked by hand rather than by JSON-B and Bean Validation: JSON-B turns
 * a number into a string without complaint, and @Size counts UTF-16 units where PostgreSQL counts
 * characters (100 emoji fit in varchar(100)). Fields other than name, such as id, are ignored.
 */
public record DeviceRequest(String name) {

    static DeviceRequest from(JsonValue body) {
        if (!(body instanceof JsonObject object)) {
            throw new InvalidInputException(FieldError.wholeBody(
                    "Input should be a JSON object", "model_attributes_type"));
        }
        JsonValue name = object.get("name");
        if (name == null) {
            throw invalidName("Field required", "missing");
        }
        if (!(name instanceof JsonString string)) {
            throw invalidName("Input should be a valid string", "string_type");
        }
        return new DeviceRequest(checked(string.getString()));
    }

    private static String checked(String name) {
        if (name.isBlank()) {
            throw invalidName("String should have at least 1 character that is not whitespace", "string_too_short");
        }
        if (name.codePointCount(0, name.length()) > Device.NAME_MAX_LENGTH) {
            throw invalidName("String should have at most " + Device.NAME_MAX_LENGTH + " characters", "string_too_long");
        }
        if (name.indexOf('\0') >= 0) {
            throw invalidName("String should not contain the NUL character (U+0000)", "string_pattern_mismatch");
        }
        if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            throw invalidName("String should be valid Unicode (it has an unpaired surrogate)", "string_unicode");
        }
        return name;
    }

    private static InvalidInputException invalidName(String msg, String type) {
        return new InvalidInputException(FieldError.body("name", msg, type));
    }
}
