package dev.registry.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Api.Reply;
import dev.registry.DeployedApi;
import dev.registry.devices.DeviceRequestTest;
import dev.registry.devices.DeviceRequestTest.Invalid;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every error a client can cause: a 4xx problem body (RFC 9457) that leaks nothing, and no write. */
class ProblemsIT extends DeployedApi {

    static final List<String> BODY = List.of("body");

    /**
     * One body per kind of 422 (each rule is a unit test: DeviceRequestTest, JsonBodyTest), and the
     * empty and trailing bodies, which reach the reader differently on Jersey and RESTEasy.
     */
    static final List<Invalid> INVALID_BODIES = Stream.concat(
            DeviceRequestTest.INVALID.stream().filter(distinctBy(Invalid::type)),
            Stream.of(new Invalid("", BODY, "json_invalid", "JSON"),
                    new Invalid("{\"name\":\"ok\"} trailing", BODY, "json_invalid", "JSON"))).toList();

    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat [a-z]+\\.|java\\.|jakarta\\.|org\\.|com\\.sun|SELECT|INSERT|UPDATE |password|<html",
            Pattern.CASE_INSENSITIVE);

    @Test
    void everyInvalidCreateIs422WithFastApiShapedErrorsAndWritesNothing() {
        int before = api.deviceCount();
        for (Invalid invalid : INVALID_BODIES) {
            assertInvalid(invalid, api.postJson("device/", invalid.body()));
        }
        assertEquals(before, api.deviceCount(), "an invalid POST wrote a row");
    }

    @Test
    void everyInvalidUpdateIs422AndLeavesTheDeviceAsItWas() {
        JsonObject device = api.createDevice("unchanged");
        String path = "device/" + device.getJsonNumber("id").longValue();
        for (Invalid invalid : INVALID_BODIES) {
            assertInvalid(invalid, api.putJson(path, invalid.body()));
        }
        assertEquals(device, api.get(path).json());
    }

    @Test
    void aBodyNestedThirtyThousandArraysDeepIs422AndWritesNothing() {
        int before = api.deviceCount();
        String deep = "{\"name\": " + "[".repeat(30_000) + "]".repeat(30_000) + "}";
        assertInvalid(new Invalid(deep, BODY, "json_invalid", "nested"), api.postJson("device/", deep));
        assertEquals(before, api.deviceCount(), "a deep body wrote a row");
    }

    @Test
    void bytesThatAreNotUtf8Are422AndAreNeverStoredAsReplacementCharacters() {
        int before = api.deviceCount();
        for (byte[] bad : List.of(new byte[] {(byte) 0xff, (byte) 0xfe}, new byte[] {(byte) 0xc0, (byte) 0x80})) {
            var body = new java.io.ByteArrayOutputStream();
            body.writeBytes("{\"name\": \"bad-".getBytes(StandardCharsets.UTF_8));
            body.writeBytes(bad);
            body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
            Reply reply = api.send(HttpRequest.newBuilder(api.api("device/")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
            assertInvalid(new Invalid("bad-" + bad[0], BODY, "json_invalid", "UTF-8"), reply);
        }
        assertEquals(before, api.deviceCount(), "a body that is not UTF-8 wrote a row");
    }

    @Test
    void aNonNumericIdIs422OnEveryMethod() {
        List<Reply> replies = List.of(api.get("device/abc"), api.delete("device/1.5"),
                api.putJson("device/one", "{\"name\":\"x\"}"));
        for (Reply reply : replies) {
            JsonObject problem = assertProblem(reply, 422);
            JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
            assertEquals(List.of("path", "device_id"), strings(error.getJsonArray("loc")));
            assertEquals("int_parsing", error.getString("type"));
        }
    }

    /** java.net.http hides the reason phrase, so this reads the status line off the socket. */
    @Test
    void a422SaysUnprocessableContentOnItsStatusLine() throws Exception {
        try (var socket = new java.net.Socket(api.site("").getHost(), api.site("").getPort())) {
            socket.setSoTimeout(10_000);
            String request = "POST " + api.api("device/").getPath() + " HTTP/1.1\r\nHost: " + api.site("").getAuthority()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertTrue(statusLine.matches("HTTP/1\\.1 422 Unprocessable (Content|Entity)"), statusLine);
        }
    }

    @Test
    void aBadBodyIsReportedBeforeABadIdAsItAlwaysWas() {
        JsonObject problem = assertProblem(api.putJson("device/abc", "{}"), 422);
        assertEquals(List.of("body", "name"), strings(problem.getJsonArray("errors").getJsonObject(0).getJsonArray("loc")));
        assertProblem(api.putJson("device/99999999999999999999", "{}"), 422);
    }

    @Test
    void anUnknownPathUnderTheApiIs404() {
        assertProblem(api.get("no-such-thing"), 404);
        assertProblem(api.get("device/1/parts"), 404);
    }

    @Test
    void aMethodTheResourceLacksIs405WithAllow() {
        Reply reply = api.postJson("device/1", "{\"name\":\"x\"}");
        assertProblem(reply, 405);
        assertNotNull(reply.header("Allow"));
        assertTrue(reply.header("Allow").contains("PUT"), reply.header("Allow"));
        assertProblem(api.delete("device/"), 405);
    }

    @Test
    void anAcceptTheApiCannotServeIs406() {
        assertProblem(api.send(HttpRequest.newBuilder(api.api("device/")).header("Accept", "text/html").GET()), 406);
    }

    @Test
    void aBodyThatIsNotJsonIs415AndWritesNothing() {
        int before = api.deviceCount();
        assertProblem(api.send(HttpRequest.newBuilder(api.api("device/")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"x\"}"))), 415);
        assertProblem(api.send(HttpRequest.newBuilder(api.api("device/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=x"))), 415);
        assertEquals(before, api.deviceCount());
    }

    @Test
    void errorsOutsideTheApiAreProblemsTooNotTheServersHtmlPage() {
        assertProblem(api.send(HttpRequest.newBuilder(api.site("no/such/page.html")).GET()), 404);
        assertProblem(api.send(HttpRequest.newBuilder(api.site("problem")).GET()), 404);
    }

    private void assertInvalid(Invalid invalid, Reply reply) {
        JsonObject problem = assertProblem(reply, 422);
        String detail = problem.getString("detail");
        assertTrue(detail.endsWith(".") && detail.length() > 20, "detail should be a sentence: " + detail);
        JsonArray errors = problem.getJsonArray("errors");
        assertEquals(1, errors.size(), reply.toString());
        JsonObject error = errors.getJsonObject(0);
        assertEquals(invalid.loc(), strings(error.getJsonArray("loc")), invalid.body());
        assertEquals(invalid.type(), error.getString("type"), invalid.body());
        assertTrue(error.getString("msg").contains(invalid.msgContains()), error.getString("msg"));
    }

    private static <T> java.util.function.Predicate<T> distinctBy(java.util.function.Function<T, String> key) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return item -> seen.add(key.apply(item));
    }

    static JsonObject assertProblem(Reply reply, int status) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertFalse(LEAK.matcher(reply.body()).find(), "leaks internals: " + reply.body());
        JsonObject problem = reply.json();
        assertEquals("about:blank", problem.getString("type"));
        assertFalse(problem.getString("title").isBlank());
        assertEquals(status, problem.getInt("status"));
        assertFalse(problem.getString("detail").isBlank());
        return problem;
    }

    private static List<String> strings(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }
}
