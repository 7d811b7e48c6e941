package dev.registry.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.rest.FieldError;
import dev.registry.rest.InvalidInputException;
import dev.registry.rest.JsonBody;
import dev.registry.rest.Problem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The body rules of POST, PUT and PATCH, in FastAPI's words. */
public class DeviceRequestTest {

    /** A body, and the loc, type and message words its single error must carry (ProblemsIT sends some). */
    public record Invalid(String body, List<String> loc, String type, String msgContains) {
    }

    static final List<String> NAME = List.of("body", "name");
    static final List<String> BODY = List.of("body");

    public static final List<Invalid> INVALID = List.of(
            new Invalid("{\"name\": ", BODY, "json_invalid", "JSON"),
            new Invalid("[{\"name\":\"in an array\"}]", BODY, "model_attributes_type", "object"),
            new Invalid("\"just a string\"", BODY, "model_attributes_type", "object"),
            new Invalid("42", BODY, "model_attributes_type", "object"),
            new Invalid("{}", NAME, "missing", "required"),
            new Invalid("{\"nam\":\"typo\"}", NAME, "missing", "required"),
            new Invalid("{\"name\":null}", NAME, "string_type", "string"),
            new Invalid("{\"name\":42}", NAME, "string_type", "string"),
            new Invalid("{\"name\":true}", NAME, "string_type", "string"),
            new Invalid("{\"name\":[\"a\"]}", NAME, "string_type", "string"),
            new Invalid("{\"name\":\"\"}", NAME, "string_too_short", "at least 1"),
            new Invalid("{\"name\":\" \\t\\n \"}", NAME, "string_too_short", "at least 1"),
            new Invalid("{\"name\":\"" + "x".repeat(101) + "\"}", NAME, "string_too_long", "at most 100"),
            new Invalid("{\"name\":\"" + "\uD83D\uDE00".repeat(101) + "\"}", NAME, "string_too_long", "at most 100"),
            new Invalid("{\"name\":\"" + "\u00E9\u4E2D".repeat(5000) + "\"}", NAME, "string_too_long", "at most 100"),
            new Invalid("{\"name\":\"nul\\u0000inside\"}", NAME, "string_pattern_mismatch", "U+0000"),
            new Invalid("{\"name\":\"lone \\ud800 surrogate\"}", NAME, "string_unicode", "Unicode"));

    @Test
    void everyInvalidBodyIsRefusedWithOneFastApiShapedError() {
        for (Invalid invalid : INVALID) {
            FieldError error = refused(() -> request(invalid.body()));
            assertEquals(invalid.loc(), error.loc(), invalid.body());
            assertEquals(invalid.type(), error.type(), invalid.body());
            assertTrue(error.msg().contains(invalid.msgContains()), error.msg());
        }
    }

    @Test
    void aHundredCharactersAsPostgresCountsThemFitAndOtherMembersAreIgnored() {
        for (String name : List.of("\uD83D\uDE00".repeat(100), "e\u0301".repeat(50), "x".repeat(100), "'; DROP TABLE device; --")) {
            String json = jakarta.json.Json.createObjectBuilder().add("id", 7).add("name", name).build().toString();
            assertEquals(name, request(json).name());
        }
    }

    @Test
    void aMergePatchSetsWhatItNamesUnderTheSameRules() {
        assertEquals(Optional.of("renamed"), patch("{\"name\":\"renamed\",\"id\":3}").name());
        assertEquals(Optional.empty(), patch("{}").name());
        Map<String, String> invalid = Map.of("{\"name\":null}", "string_type", "{\"name\":\"\"}", "string_too_short",
                "[]", "model_attributes_type", "{", "json_invalid");
        invalid.forEach((body, type) -> assertEquals(type, refused(() -> patch(body)).type(), body));
    }

    private static DeviceRequest request(String json) {
        return DeviceRequest.from(JsonBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    private static DevicePatch patch(String json) {
        return DevicePatch.from(JsonBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    }

    static FieldError refused(org.junit.jupiter.api.function.Executable read) {
        InvalidInputException refused = assertThrows(InvalidInputException.class, read);
        Problem problem = (Problem) refused.getResponse().getEntity();
        assertEquals(422, problem.status());
        assertEquals(1, problem.errors().size(), problem.toString());
        return problem.errors().get(0);
    }
}
