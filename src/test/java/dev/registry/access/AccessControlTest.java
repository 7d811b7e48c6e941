package dev.registry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.access.Verdict.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which answer each kind of request gets, with access control off and on. */
class AccessControlTest {

    static final TokenMint IDP = new TokenMint("idp-key");

    static AccessControl on(Path folder) throws Exception {
        Path jwks = Files.writeString(folder.resolve("jwks.json"), IDP.jwks());
        var control = new AccessControl();
        control.use(new AccessSettings(true, jwks.toString(), TokenMint.ISSUER, Set.of(TokenMint.AUDIENCE), "RS256", 60));
        return control;
    }

    static String bearer(String... groups) {
        return "Bearer " + IDP.sign(TokenMint.claims("svc", groups));
    }

    @Test
    void offEverythingIsOpenWhateverTheRequestCarries() {
        var control = new AccessControl();
        control.use(AccessSettings.OFF);
        assertEquals(Outcome.OPEN, control.decide("DELETE", "device/1", null).outcome());
        assertEquals(Outcome.OPEN, control.decide("DELETE", "device/1", "Bearer garbage").outcome());
    }

    @Test
    void onTheDeviceApiNeedsAGoodTokenWithTheRightGroup(@TempDir Path folder) throws Exception {
        AccessControl control = on(folder);
        assertEquals(Outcome.NO_TOKEN, control.decide("GET", "device/", null).outcome());
        assertEquals(Outcome.NO_TOKEN, control.decide("GET", "device/", " ").outcome());
        assertEquals(Outcome.BAD_TOKEN, control.decide("GET", "device/", "Basic dXNlcjpwYXNz").outcome());
        assertEquals(Outcome.BAD_TOKEN, control.decide("GET", "device/", "Bearer ").outcome());
        assertEquals(Outcome.BAD_TOKEN, control.decide("GET", "device/", "Bearer not.a.token").outcome());
        assertEquals(Outcome.ALLOWED, control.decide("GET", "device/1", bearer("devices-reader")).outcome());
        assertEquals(Outcome.ALLOWED, control.decide("GET", "device/1", bearer("devices-writer")).outcome());
        assertEquals(Outcome.FORBIDDEN, control.decide("GET", "device/1", bearer("staff")).outcome());
        assertEquals(Outcome.FORBIDDEN, control.decide("POST", "device/", bearer("devices-reader")).outcome());
        Verdict writer = control.decide("DELETE", "device/1", "bearer " + IDP.sign(TokenMint.claims("svc", "devices-writer")));
        assertEquals(Outcome.ALLOWED, writer.outcome());
        assertEquals("svc", writer.caller().subject());
    }

    @Test
    void onTheHealthCheckStaysOpenEvenWithABadToken(@TempDir Path folder) throws Exception {
        assertEquals(Outcome.OPEN, on(folder).decide("GET", "health-check/db", "Bearer garbage").outcome());
    }
}
