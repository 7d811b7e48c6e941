package dev.registry.devices;

import dev.registry.rest.FieldError;
import dev.registry.rest.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/** Integers in paths and query strings, refused in FastAPI's words. */
final class Integers {

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private Integers() {
    }

    /**
     * @throws InvalidInputException (422) when {@code raw} is not an integer at all
     * @throws NumberFormatException when it is one, but beyond a long's range
     */
    static long parse(String raw, String where, String name) {
        if (!INTEGER.matcher(raw).matches()) {
            throw new InvalidInputException(new FieldError(List.of(where, name),
                    "Input should be a valid integer, unable to parse string as an integer", "int_parsing"));
        }
        return Long.parseLong(raw);
    }
}
