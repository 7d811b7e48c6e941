package dev.registry.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

    @Test
    void readsOneJsonValue() {
        JsonObject body = read("{\"name\": \"my-first-device\", \"id\": 7}").asJsonObject();
        assertEquals("my-first-device", body.getString("name"));
        assertEquals("x", ((JsonString) read(" \"x\" ")).getString());
    }

    @Test
    void malformedEmptyOrTrailingContentIsJsonInvalid() {
        for (String body : List.of("{\"name\": ", "", "   ", "{\"name\":\"ok\"} trailing", "{\"name\":\"ok\"}{}", "nul", "{'name':'x'}")) {
            assertJsonInvalid(body.getBytes(StandardCharsets.UTF_8), "JSON decode error");
        }
    }

    @Test
    void nestingIsBoundedSoADeepBodyCannotExhaustTheStack() {
        String deep = "{\"name\": " + "[".repeat(30_000) + "]".repeat(30_000) + "}";
        assertJsonInvalid(deep.getBytes(StandardCharsets.UTF_8), "nested more than 64 levels");
        String unclosed = "{\"name\": " + "[".repeat(30_000);
        assertJsonInvalid(unclosed.getBytes(StandardCharsets.UTF_8), "nested more than 64 levels");

        String atTheLimit = "[".repeat(JsonBody.MAX_DEPTH) + "]".repeat(JsonBody.MAX_DEPTH);
        assertEquals(1, read(atTheLimit).asJsonArray().size());
        String overTheLimit = "[".repeat(JsonBody.MAX_DEPTH + 1) + "]".repeat(JsonBody.MAX_DEPTH + 1);
        assertJsonInvalid(overTheLimit.getBytes(StandardCharsets.UTF_8), "nested");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNotReplaced() {
        byte[][] bodies = {
            bytes("{\"name\": \"bad-", 0xff, 0xfe, "\"}"),
            bytes("{\"name\": \"overlong-", 0xc0, 0x80, "\"}"),          // U+0000 in two bytes
            bytes("{\"name\": \"overlong-", 0xe0, 0x80, 0xaf, "\"}"),    // '/' in three bytes
            bytes("{\"name\": \"surrogate-", 0xed, 0xa0, 0x80, "\"}"),   // UTF-16 surrogate as UTF-8 (CESU)
            bytes("{\"name\": \"cut-", 0xe2, 0x82, "\"}"),              // sequence cut short
            bytes("{\"name\": \"beyond-", 0xf4, 0x90, 0x80, 0x80, "\"}"), // above U+10FFFF
        };
        for (byte[] body : bodies) {
            assertJsonInvalid(body, "not valid UTF-8");
        }
    }

    @Test
    void utf8FromEveryPlaneIsReadExactly() {
        String name = "caf\u00e9 \u4e2d \uD83D\uDE00";
        assertEquals(name, read("{\"name\":\"" + name + "\"}").asJsonObject().getString("name"));
    }

    @Test
    void utf16IsRecognisedAsJsonPDoes() {
        byte[] body = "{\"name\":\"\u00e9\"}".getBytes(StandardCharsets.UTF_16LE);
        assertEquals("\u00e9", JsonBody.read(new ByteArrayInputStream(body)).asJsonObject().getString("name"));
    }

    @Test
    void aByteOrderMarkIsSkippedAsJsonPSkipsIt() {
        byte[] utf8 = bytes(0xEF, 0xBB, 0xBF, "{\"name\":\"bom\"}");
        assertEquals("bom", JsonBody.read(new ByteArrayInputStream(utf8)).asJsonObject().getString("name"));
        var utf16 = new java.io.ByteArrayOutputStream();
        utf16.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xFE});
        utf16.writeBytes("{\"name\":\"bom\"}".getBytes(StandardCharsets.UTF_16LE));
        assertEquals("bom", JsonBody.read(new ByteArrayInputStream(utf16.toByteArray())).asJsonObject().getString("name"));
    }

    private static jakarta.json.JsonValue read(String json) {
        return JsonBody.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertJsonInvalid(byte[] body, String msgContains) {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> JsonBody.read(new ByteArrayInputStream(body)));
        assertEquals(422, refused.getResponse().getStatus());
        FieldError error = ((Problem) refused.getResponse().getEntity()).errors().get(0);
        assertEquals(List.of("body"), error.loc());
        assertEquals("json_invalid", error.type());
        assertTrue(error.msg().contains(msgContains), error.msg());
    }

    /** Text and raw bytes, in order. */
    private static byte[] bytes(Object... parts) {
        var out = new java.io.ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof String text) {
                out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
            } else {
                out.write((Integer) part);
            }
        }
        return out.toByteArray();
    }
}
