package dev.registry.rest;

import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.stream.Collectors;

/** A 422 that carries its problem body, so nothing is written and the client learns every failure. */
public class InvalidInputException extends WebApplicationException {

    public InvalidInputException(FieldError... errors) {
        super(problem(List.of(errors)).toResponse());
    }

    static Problem problem(List<FieldError> errors) {
        String detail = errors.stream().map(FieldError::sentence)
                .collect(Collectors.joining("; ", "Invalid request: ", "."));
        return new Problem("about:blank", Problem.title(422), 422, detail, errors);
    }
}
