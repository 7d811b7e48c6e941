package dev.registry.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.registry.rest.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void oneTo255VisibleAsciiCharacters() {
        assertNull(IdempotencyKey.valueOf(null));
        assertEquals("a", IdempotencyKey.valueOf("a").value());
        assertEquals("x".repeat(255), IdempotencyKey.valueOf("x".repeat(255)).value());
        assertEquals("5f0c9a7e-2b1d-4c3a:9e8f/0a1b", IdempotencyKey.valueOf("5f0c9a7e-2b1d-4c3a:9e8f/0a1b").value());
        for (String bad : List.of("", "x".repeat(256), "with space", "tab\t", "caf\u00e9", "new\nline")) {
            FieldError error = DeviceRequestTest.refused(() -> IdempotencyKey.valueOf(bad));
            assertEquals(List.of("header", "Idempotency-Key"), error.loc(), bad);
        }
    }
}
