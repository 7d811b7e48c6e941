package dev.registry.rest;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One failed input, shaped like a FastAPI validation error item so seed clients can read it. */
@Schema(description = "One failed input, as FastAPI reports it")
@JsonbPropertyOrder({"loc", "msg", "type"})
public record FieldError(
        @Schema(description = "Where: body, query or path, then the field", example = "[\"body\", \"name\"]") List<String> loc,
        @Schema(example = "Field required") String msg,
        @Schema(example = "missing") String type) {

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
