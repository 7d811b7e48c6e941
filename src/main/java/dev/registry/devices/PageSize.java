package dev.registry.devices;

import dev.registry.rest.FieldError;
import dev.registry.rest.InvalidInputException;
import java.util.List;

/** The list's ?limit: 1 to {@link #MAX} devices a page. */
public record PageSize(int value) {

    public static final int MAX = 1000;

    public static PageSize valueOf(String raw) {
        long size;
        try {
            size = Integers.parse(raw, "query", "limit");
        } catch (NumberFormatException beyondRange) {
            size = Long.MAX_VALUE;
        }
        if (size < 1 || size > MAX) {
            throw new InvalidInputException(new FieldError(List.of("query", "limit"),
                    "Input should be between 1 and " + MAX, size < 1 ? "greater_than_equal" : "less_than_equal"));
        }
        return new PageSize((int) size);
    }
}
