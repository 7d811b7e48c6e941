package dev.registry.rest;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads a request body as exactly one JSON value, or refuses it as FastAPI does (422 json_invalid):
 * malformed JSON, content after the value, bytes that are not valid Unicode (never replaced by
 * U+FFFD, which would change the client's data), and nesting deeper than {@link #MAX_DEPTH} (the
 * provider builds values recursively, so a deep body would exhaust the thread's stack).
 */
public final class JsonBody {

    public static final int MAX_DEPTH = 64;

    // Json.createParser looks the provider up through ServiceLoader on every call: one factory for all.
    private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

    private JsonBody() {
    }

    public static JsonValue read(InputStream body) {
        String text = decode(bytes(body));
        checkDepth(text);
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            parser.next();
            return parser.getValue();
        }
    }

    private static byte[] bytes(InputStream body) {
        try {
            return body.readAllBytes();
        } catch (IOException unreadable) {
            throw invalid("JSON decode error: the body could not be read");
        }
    }

    /**
     * RFC 8259 JSON is UTF-8; a byte order mark, and UTF-16 or UTF-32 recognised by their zero bytes
     * (RFC 4627), are read as JSON-P reads them. Bytes the encoding cannot hold are refused.
     */
    static String decode(byte[] bytes) {
        Bom bom = Bom.of(bytes);
        try {
            return bom.charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, bom.length, bytes.length - bom.length)).toString();
        } catch (CharacterCodingException notUnicode) {
            throw invalid("JSON decode error: the body is not valid " + bom.charset.name());
        }
    }

    /** The body's encoding, and how many bytes of byte order mark precede the JSON. */
    private record Bom(Charset charset, int length) {

        static Bom of(byte[] b) {
            if (starts(b, 0xEF, 0xBB, 0xBF)) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
                return new Bom(Charset.forName("UTF-32BE"), 4);
            }
            if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
                return new Bom(Charset.forName("UTF-32LE"), 4);
            }
            if (starts(b, 0xFE, 0xFF)) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            if (starts(b, 0xFF, 0xFE)) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            if (b.length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0) {
                return new Bom(Charset.forName("UTF-32BE"), 0);
            }
            if (b.length >= 4 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
                return new Bom(Charset.forName("UTF-32LE"), 0);
            }
            if (b.length >= 2 && b[0] == 0) {
                return new Bom(StandardCharsets.UTF_16BE, 0);
            }
            if (b.length >= 2 && b[1] == 0) {
                return new Bom(StandardCharsets.UTF_16LE, 0);
            }
            return new Bom(StandardCharsets.UTF_8, 0);
        }

        private static boolean starts(byte[] bytes, int... prefix) {
            if (bytes.length < prefix.length) {
                return false;
            }
            for (int i = 0; i < prefix.length; i++) {
                if ((bytes[i] & 0xFF) != prefix[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Walks the events without building values: checks syntax, depth, and that one value fills the body. */
    private static void checkDepth(String text) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(text))) {
            int depth = 0;
            do {
                switch (parser.next()) {
                    case START_ARRAY, START_OBJECT -> {
                        if (++depth > MAX_DEPTH) {
                            throw invalid("JSON decode error: nested more than " + MAX_DEPTH + " levels deep");
                        }
                    }
                    case END_ARRAY, END_OBJECT -> depth--;
                    default -> {
                    }
                }
            } while (depth > 0);
            if (parser.hasNext()) {
                throw invalid("JSON decode error");
            }
        } catch (JsonException | NoSuchElementException malformed) {
            throw invalid("JSON decode error");
        }
    }

    private static InvalidInputException invalid(String msg) {
        return new InvalidInputException(FieldError.wholeBody(msg, "json_invalid"));
    }
}
