package dev.registry.devices;

import dev.registry.rest.FieldError;
import dev.registry.rest.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/** The Idempotency-Key header of POST /device/: 1 to 255 visible ASCII characters. */
public record IdempotencyKey(String value) {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 255;
    static final List<String> LOC = List.of("header", HEADER);
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[!-~]{1," + MAX_LENGTH + "}");

    /** Null when the header is absent: the create is not idempotent, as in the tutorial. */
    public static IdempotencyKey valueOf(String raw) {
        if (raw == null) {
            return null;
        }
        if (!VISIBLE_ASCII.matcher(raw).matches()) {
            throw new InvalidInputException(new FieldError(LOC,
                    "Should be 1 to " + MAX_LENGTH + " visible ASCII characters", "string_pattern_mismatch"));
        }
        return new IdempotencyKey(raw);
    }

    static InvalidInputException reusedWithAnotherBody() {
        return new InvalidInputException(new FieldError(LOC,
                "This key was used for a request with another body; use a new key for a new device", "idempotency_key_reused"));
    }
}
