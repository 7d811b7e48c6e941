package dev.registry.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** One failed input, shaped like a FastAPI validation error item so seed clients can read it. */
@JsonbPropertyOrder({"loc", "msg", "type"})
public record FieldError(List<String> loc, String msg, String type) {

    public static FieldError body(String field, String msg, String type) {
        return new FieldError(List.of("body", field), msg, type);
    }

    public static FieldError wholeBody(String msg, String type) {
        return new FieldError(List.of("body"), msg, type);
    }

    String sentence() {
        String where = loc.size() > 1 ? loc.get(loc.size() - 1) : "request body";
        return where + ": " + msg;
    }
}
