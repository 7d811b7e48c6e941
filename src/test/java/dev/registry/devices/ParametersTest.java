package dev.registry.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.registry.rest.FieldError;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Path and query parameters as JAX-RS converts them (their static valueOf). */
class ParametersTest {

    @Test
    void aDeviceIdIsAnIntegerAndOneBeyondBigintIsSimplyNotFound() {
        assertEquals(42, DeviceId.valueOf("42").value());
        assertEquals(-1, DeviceId.valueOf("-1").value());
        for (String notANumber : List.of("abc", "1.5", "one", "1e3", "", " 1")) {
            FieldError error = DeviceRequestTest.refused(() -> DeviceId.valueOf(notANumber));
            assertEquals(List.of("path", "device_id"), error.loc());
            assertEquals("int_parsing", error.type());
        }
        NotFoundException beyond = assertThrows(NotFoundException.class, () -> DeviceId.valueOf("99999999999999999999999"));
        assertEquals(404, beyond.getResponse().getStatus());
    }

    @Test
    void aPageHoldsOneToAThousandDevices() {
        assertEquals(1, PageSize.valueOf("1").value());
        assertEquals(1000, PageSize.valueOf("1000").value());
        assertRefused("0", "greater_than_equal");
        assertRefused("-1", "greater_than_equal");
        assertRefused("-99999999999999999999", "less_than_equal");
        assertRefused("1001", "less_than_equal");
        assertRefused("99999999999999999999", "less_than_equal");
        assertRefused("abc", "int_parsing");
    }

    @Test
    void afterIsAnIntegerAndOneBeyondBigintIsPastEveryRowOrBeforeAll() {
        assertEquals(7, AfterId.valueOf("7").value());
        assertEquals(Long.MAX_VALUE, AfterId.valueOf("99999999999999999999").value());
        assertEquals(Long.MIN_VALUE, AfterId.valueOf("-99999999999999999999").value());
        FieldError error = DeviceRequestTest.refused(() -> AfterId.valueOf("x"));
        assertEquals(List.of("query", "after"), error.loc());
    }

    private static void assertRefused(String limit, String type) {
        FieldError error = DeviceRequestTest.refused(() -> PageSize.valueOf(limit));
        assertEquals(List.of("query", "limit"), error.loc(), limit);
        assertEquals(type, error.type(), limit);
    }
}
