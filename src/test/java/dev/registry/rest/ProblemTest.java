package dev.registry.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void aProblemKeepsTheSeedsDetailAndItsStatusInBodyAndLine() {
        Response response = Problem.response(404, "Device not found");
        Problem problem = (Problem) response.getEntity();
        assertEquals(404, response.getStatus());
        assertEquals(Problem.MEDIA_TYPE, response.getMediaType().toString());
        assertEquals(new Problem("about:blank", "Not Found", 404, "Device not found", null), problem);
    }

    @Test
    void titlesAreTheStandardReasonPhrases() {
        assertEquals("Unprocessable Content", Problem.title(422));
        assertEquals("Precondition Failed", Problem.title(412));
        assertEquals("Service Unavailable", Problem.title(503));
        assertEquals("HTTP 599", Problem.title(599));
    }

    @Test
    void anInvalidInputListsEveryErrorAndSaysThemInOneSentence() {
        InvalidInputException invalid = new InvalidInputException(
                FieldError.body("name", "Field required", "missing"),
                new FieldError(List.of("query", "limit"), "Input should be between 1 and 1000", "less_than_equal"),
                FieldError.wholeBody("JSON decode error", "json_invalid"));
        Problem problem = (Problem) invalid.getResponse().getEntity();
        assertEquals(422, problem.status());
        assertEquals("Invalid request: name: Field required; limit: Input should be between 1 and 1000;"
                + " request body: JSON decode error.", problem.detail());
        assertEquals(3, problem.errors().size());
    }

    @Test
    void aRetryableOutageSaysWhenToRetry() {
        Response unavailable = Problem.unavailable("The database is unavailable; retry shortly.");
        assertEquals(503, unavailable.getStatus());
        assertEquals(String.valueOf(Problem.RETRY_AFTER_SECONDS), unavailable.getHeaderString("Retry-After"));
    }

    @Test
    void errorsTheContainerRaisesGetASentenceAndServerErrorsSayNothingMore() {
        assertEquals("No resource exists at this path.", WebApplicationExceptionMapper.detail(404));
        assertEquals(Problem.SERVER_ERROR, WebApplicationExceptionMapper.detail(500));
        assertEquals(Problem.SERVER_ERROR, WebApplicationExceptionMapper.detail(502));
        assertEquals("The request was refused (HTTP 418).", WebApplicationExceptionMapper.detail(418));
        assertNull(Problem.of(400, "x").errors());
    }
}
