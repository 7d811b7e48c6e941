package dev.registry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The device API needs a group; health checks stay open; readers read, writers also write. */
class AccessRuleTest {

    @Test
    void theDeviceApiIsProtectedAndTheHealthCheckIsNot() {
        assertEquals(AccessRule.READ, AccessRule.of("GET", "device/"));
        assertEquals(AccessRule.READ, AccessRule.of("GET", "/device"));
        assertEquals(AccessRule.READ, AccessRule.of("HEAD", "device/7"));
        assertEquals(AccessRule.READ, AccessRule.of("OPTIONS", "device/7"));
        assertEquals(AccessRule.WRITE, AccessRule.of("POST", "device/"));
        assertEquals(AccessRule.WRITE, AccessRule.of("PUT", "device/7"));
        assertEquals(AccessRule.WRITE, AccessRule.of("PATCH", "device/7"));
        assertEquals(AccessRule.WRITE, AccessRule.of("DELETE", "device/7"));
        assertEquals(AccessRule.WRITE, AccessRule.of("PROPFIND", "device/no/such/path"));
        assertEquals(AccessRule.OPEN, AccessRule.of("GET", "health-check/db"));
        assertEquals(AccessRule.OPEN, AccessRule.of("GET", "devices"));
    }

    @Test
    void readersReadAndWritersReadAndWrite() {
        assertTrue(AccessRule.READ.allows(Set.of("devices-reader")));
        assertTrue(AccessRule.READ.allows(Set.of("devices-writer")));
        assertFalse(AccessRule.READ.allows(Set.of("staff")));
        assertTrue(AccessRule.WRITE.allows(Set.of("devices-writer")));
        assertFalse(AccessRule.WRITE.allows(Set.of("devices-reader")));
        assertTrue(AccessRule.OPEN.allows(Set.of()));
    }

    @Test
    void theAuditLineNamesTheDeviceOfThePathOrOfTheCreatedLocation() {
        assertEquals("7", AuditTrail.deviceId("device/7", null));
        assertEquals("42", AuditTrail.deviceId("device/", URI.create("http://host/api/v1/device/42")));
    }
}
