package dev.registry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every hostile token of the access control issue is rejected; a good one names its caller. */
class TokenVerifierTest {

    static final TokenMint IDP = new TokenMint("idp-key");
    static final TokenMint STRANGER = new TokenMint("idp-key");
    static final TokenMint OTHER_KID = new TokenMint("another-key");

    @TempDir
    static Path folder;
    static TokenVerifier verifier;

    @BeforeAll
    static void verifier() throws Exception {
        Path jwks = Files.writeString(folder.resolve("jwks.json"), IDP.jwks());
        verifier = new TokenVerifier(settings(jwks.toString()));
    }

    static AccessSettings settings(String location) {
        return new AccessSettings(true, location, TokenMint.ISSUER, Set.of(TokenMint.AUDIENCE), "RS256", 60);
    }

    @Test
    void aGoodTokenNamesItsSubjectAndGroups() throws Exception {
        Caller caller = verifier.verify(IDP.sign(TokenMint.claims("alice", "devices-writer", "staff")));
        assertEquals(new Caller("alice", Set.of("devices-writer", "staff")), caller);
        assertEquals(Set.of(), verifier.verify(IDP.sign(TokenMint.claims("bob").claim("groups", null))).groups());
    }

    static Map<String, String> hostile() throws JOSEException {
        Instant now = Instant.now();
        byte[] publicKeyDer = IDP.key.toRSAPublicKey().getEncoded();
        String valid = IDP.sign(TokenMint.claims("mallory", "devices-writer"));
        String[] parts = valid.split("\\.");
        String otherPayload = IDP.sign(TokenMint.claims("root", "devices-writer")).split("\\.")[1];
        return Map.ofEntries(
                Map.entry("alg none", TokenMint.unsigned(TokenMint.claims("mallory", "devices-writer"))),
                Map.entry("alg none, signature kept", TokenMint.unsigned(TokenMint.claims("mallory", "devices-writer")) + parts[2]),
                Map.entry("HS256 keyed with the public key (DER)", TokenMint.hmacWith(publicKeyDer, "idp-key",
                        TokenMint.claims("mallory", "devices-writer"))),
                Map.entry("HS256 keyed with the public key (PEM)", TokenMint.hmacWith(IDP.pem().getBytes(StandardCharsets.US_ASCII),
                        "idp-key", TokenMint.claims("mallory", "devices-writer"))),
                Map.entry("expired", IDP.sign(TokenMint.claims("mallory", "devices-writer")
                        .issueTime(Date.from(now.minusSeconds(3600))).expirationTime(Date.from(now.minusSeconds(120))))),
                Map.entry("not yet valid", IDP.sign(TokenMint.claims("mallory", "devices-writer")
                        .notBeforeTime(Date.from(now.plusSeconds(120))))),
                Map.entry("wrong issuer", IDP.sign(TokenMint.claims("mallory", "devices-writer").issuer("https://evil.example/"))),
                Map.entry("wrong audience", IDP.sign(TokenMint.claims("mallory", "devices-writer").audience("billing"))),
                Map.entry("no audience", IDP.sign(TokenMint.claims("mallory", "devices-writer").audience((String) null))),
                Map.entry("no expiry", IDP.sign(TokenMint.claims("mallory", "devices-writer").expirationTime(null))),
                Map.entry("no subject", IDP.sign(TokenMint.claims(null, "devices-writer"))),
                Map.entry("bad signature (another key, same kid)", STRANGER.sign(TokenMint.claims("mallory", "devices-writer"))),
                Map.entry("payload swapped under a valid signature", parts[0] + "." + otherPayload + "." + parts[2]),
                Map.entry("a token for another key id", OTHER_KID.sign(TokenMint.claims("mallory", "devices-writer"))),
                Map.entry("PS256, not the configured RS256", IDP.sign(TokenMint.claims("mallory", "devices-writer"),
                        header -> new com.nimbusds.jose.JWSHeader.Builder(JWSAlgorithm.PS256).keyID("idp-key"))),
                Map.entry("malformed: two parts", parts[0] + "." + parts[1]),
                Map.entry("malformed: not base64", "%%%.%%%.%%%"),
                Map.entry("malformed: plain text", "let-me-in"),
                Map.entry("over 8 KiB, validly signed", IDP.sign(TokenMint.claims("mallory", "devices-writer")
                        .claim("padding", "x".repeat(TokenVerifier.MAX_TOKEN_LENGTH)))));
    }

    static Iterable<String> hostileNames() throws JOSEException {
        return hostile().keySet().stream().sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("hostileNames")
    void hostileTokensAreRejected(String kind) throws Exception {
        String token = hostile().get(kind);
        assertThrows(RejectedToken.class, () -> verifier.verify(token), kind);
    }

    @Test
    void aPemPublicKeyFileWorksAndStillRefusesOtherKeys() throws Exception {
        Path pem = Files.writeString(folder.resolve("key.pem"), IDP.pem());
        TokenVerifier fromPem = new TokenVerifier(settings(pem.toUri().toString()));
        assertEquals("alice", fromPem.verify(IDP.sign(TokenMint.claims("alice", "devices-reader"))).subject());
        assertThrows(RejectedToken.class, () -> fromPem.verify(STRANGER.sign(TokenMint.claims("mallory", "devices-writer"))));
        assertThrows(RejectedToken.class, () -> fromPem.verify(TokenMint.hmacWith(IDP.pem().getBytes(StandardCharsets.US_ASCII),
                "idp-key", TokenMint.claims("mallory", "devices-writer"))));
    }

    @Test
    void withoutConfiguredAudiencesAnyAudienceIsAccepted() throws Exception {
        Path jwks = Files.writeString(folder.resolve("any-audience.json"), IDP.jwks());
        var anyAudience = new TokenVerifier(new AccessSettings(true, jwks.toString(), TokenMint.ISSUER, Set.of(), "RS256", 60));
        assertEquals("carol", anyAudience.verify(IDP.sign(TokenMint.claims("carol").audience("billing"))).subject());
    }

    @Test
    void anUnreadableKeyLocationStopsTheDeployment() {
        var missing = assertThrows(InvalidAccessSettings.class, () -> new TokenVerifier(settings("/nonexistent/key.pem")));
        assertEquals("MP_JWT_VERIFY_PUBLICKEY_LOCATION /nonexistent/key.pem cannot be read.", missing.getMessage());
    }
}
