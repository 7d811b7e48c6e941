package dev.registry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Off unless asked; when asked, never silently open. */
class AccessSettingsTest {

    static AccessSettings read(Map<String, String> values) {
        return AccessSettings.read(name -> Optional.ofNullable(values.get(name)));
    }

    static Map<String, String> jwt() {
        var values = new HashMap<String, String>();
        values.put("devices.auth", "jwt");
        values.put("mp.jwt.verify.publickey.location", "https://idp.example/certs");
        values.put("mp.jwt.verify.issuer", "https://idp.example/realms/devices");
        return values;
    }

    @Test
    void offWhenUnsetEmptyOrOff() {
        assertFalse(read(Map.of()).on());
        assertFalse(read(Map.of("devices.auth", " ")).on());
        assertFalse(read(Map.of("devices.auth", "OFF", "mp.jwt.verify.issuer", "ignored")).on());
    }

    @Test
    void jwtWithKeyAndIssuerIsOnWithMicroProfileDefaults() {
        AccessSettings on = read(jwt());
        assertTrue(on.on());
        assertEquals("https://idp.example/certs", on.keyLocation());
        assertEquals(Set.of(), on.audiences());
        assertEquals("RS256", on.algorithm());
        assertEquals(60, on.clockSkewSeconds());
    }

    @Test
    void audiencesAreACommaSeparatedList() {
        var values = jwt();
        values.put("mp.jwt.verify.audiences", "devices, ops-console,");
        values.put("mp.jwt.verify.clock.skew", "5");
        values.put("devices.auth", "JWT");
        AccessSettings on = read(values);
        assertEquals(Set.of("devices", "ops-console"), on.audiences());
        assertEquals(5, on.clockSkewSeconds());
    }

    @Test
    void jwtWithoutKeyOrIssuerStopsTheDeploymentNamingTheVariable() {
        var noKey = jwt();
        noKey.remove("mp.jwt.verify.publickey.location");
        assertTrue(assertThrows(InvalidAccessSettings.class, () -> read(noKey)).getMessage()
                .startsWith("DEVICES_AUTH=jwt needs MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        var noIssuer = jwt();
        noIssuer.put("mp.jwt.verify.issuer", "");
        assertTrue(assertThrows(InvalidAccessSettings.class, () -> read(noIssuer)).getMessage()
                .startsWith("DEVICES_AUTH=jwt needs MP_JWT_VERIFY_ISSUER"));
    }

    @Test
    void unknownModesSymmetricAlgorithmsAndBadSkewsAreRefused() {
        assertThrows(InvalidAccessSettings.class, () -> read(Map.of("devices.auth", "basic")));
        var hmac = jwt();
        hmac.put("mp.jwt.verify.publickey.algorithm", "HS256");
        assertThrows(InvalidAccessSettings.class, () -> read(hmac));
        var skew = jwt();
        skew.put("mp.jwt.verify.clock.skew", "a minute");
        assertThrows(InvalidAccessSettings.class, () -> read(skew));
    }
}
