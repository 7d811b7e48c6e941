package dev.registry.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ArrayElementsWriterTest {

    private static final String ARRAY = "[{\"id\":1,\"name\":\"a]\"},{\"id\":2,\"name\":\"[b\"}]";

    @Test
    void passesTheElementsHoweverTheArrayIsCutIntoWrites() throws IOException {
        char[] text = ARRAY.toCharArray();
        for (int first = 0; first <= text.length; first++) {
            for (int second = first; second <= text.length; second++) {
                var response = new Response();
                response.write('<');
                try (var elements = new ArrayElementsWriter(response)) {
                    elements.write(text, 0, first);
                    elements.write(text, first, second - first);
                    elements.flush();
                    elements.write(text, second, text.length - second);
                }
                response.write('>');
                assertEquals("<" + ARRAY.substring(1, ARRAY.length() - 1) + ">", response.toString(), first + "/" + second);
                assertFalse(response.closed, "the response stays open for the next batch");
            }
        }
    }

    /** A response that remembers being closed. */
    private static final class Response extends StringWriter {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void anEmptyArrayPassesNothing() throws IOException {
        var response = new StringWriter();
        try (var elements = new ArrayElementsWriter(response)) {
            elements.write("[]");
        }
        assertEquals("", response.toString());
    }
}
