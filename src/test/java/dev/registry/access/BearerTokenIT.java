package dev.registry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.RSAKey;
import dev.registry.Api;
import dev.registry.Api.Reply;
import dev.registry.Deployments;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged WAR with DEVICES_AUTH=jwt against a real Keycloak (the "auth" runs in pom.xml, on
 * Payara Micro and on WildFly): tokens the identity provider issued drive the API, hostile ones get 401.
 */
@Tag("auth")
@ExtendWith(ArquillianExtension.class)
class BearerTokenIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @ArquillianResource
    URL base;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    Reply as(String token, HttpRequest.Builder request) {
        return api.send(request.header("Authorization", "Bearer " + token));
    }

    HttpRequest.Builder json(String path, String method, String body) {
        return HttpRequest.newBuilder(api.api(path)).header("Content-Type", "application/json").method(method, Api.body(body));
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(api.api(path)).GET();
    }

    static void assertRefused(int status, Reply reply) {
        assertEquals(status, reply.status(), reply.toString());
        assertEquals("application/problem+json", reply.contentType(), reply.toString());
        assertTrue(reply.header("WWW-Authenticate").startsWith("Bearer realm=\"devices\""), reply.toString());
        assertEquals(status, reply.json().getInt("status"));
        assertFalse(reply.json().getString("detail").isBlank());
    }

    @Test
    void withoutATokenTheDeviceApiIs401AndHealthDocsAndOpenApiStayOpen() {
        assertRefused(401, api.get("device/"));
        assertRefused(401, api.postJson("device/", "{\"name\":\"anonymous\"}"));
        assertRefused(401, api.get("device/987654321"));
        assertRefused(401, api.delete("device/1"));
        assertRefused(401, api.send(HttpRequest.newBuilder(api.api("device/1")).header("Authorization", "Basic dXNlcjpwYXNz").GET()));

        assertEquals(200, api.get("health-check/db").status());
        assertEquals(200, as("not-a-token", get("health-check/db")).status());
        for (String open : new String[] {"health/ready", "health/live", "openapi", "docs/"}) {
            assertEquals(200, api.send(HttpRequest.newBuilder(api.site(open)).GET()).status(), open);
        }
    }

    @Test
    void aWriterRunsTheTutorialFlow() {
        String writer = IdentityProvider.token("devices-writer");
        Reply created = as(writer, json("device/", "POST", "{\"name\":\"written-with-a-token\"}"));
        assertEquals(201, created.status(), created.toString());
        long id = Api.id(created.json());
        assertEquals("written-with-a-token", as(writer, get("device/" + id)).json().getString("name"));
        assertEquals(200, as(writer, json("device/" + id, "PUT", "{\"name\":\"renamed\"}")).status());
        assertTrue(Api.ids(as(writer, get("device/?name=renamed")).array()).contains(id));
        assertEquals(200, as(writer, HttpRequest.newBuilder(api.api("device/" + id)).DELETE()).status());
        assertEquals(404, as(writer, get("device/" + id)).status());
    }

    @Test
    void aReaderReadsButEveryWriteIs403AndChangesNothing() {
        String writer = IdentityProvider.token("devices-writer");
        String reader = IdentityProvider.token("devices-reader");
        long id = Api.id(as(writer, json("device/", "POST", "{\"name\":\"read-only\"}")).json());

        assertEquals("read-only", as(reader, get("device/" + id)).json().getString("name"));
        assertEquals(200, as(reader, get("device/")).status());
        assertRefused(403, as(reader, json("device/", "POST", "{\"name\":\"by-a-reader\"}")));
        assertRefused(403, as(reader, json("device/" + id, "PUT", "{\"name\":\"by-a-reader\"}")));
        assertRefused(403, as(reader, HttpRequest.newBuilder(api.api("device/" + id))
                .header("Content-Type", "application/merge-patch+json").method("PATCH", Api.body("{\"name\":\"by-a-reader\"}"))));
        assertRefused(403, as(reader, HttpRequest.newBuilder(api.api("device/" + id)).DELETE()));

        assertEquals("read-only", as(writer, get("device/" + id)).json().getString("name"));
        assertEquals(0, as(writer, get("device/?name=by-a-reader")).array().size());
    }

    @Test
    void aValidTokenWithoutADevicesGroupIs403() {
        assertRefused(403, as(IdentityProvider.token("devices-nobody"), get("device/")));
    }

    @Test
    void hostileTokensAre401NeverA5xx() throws Exception {
        String reader = IdentityProvider.token("devices-reader");
        String[] parts = reader.split("\\.");
        JsonObject header = decode(parts[0]);
        JsonObject payload = decode(parts[1]);
        JsonObject signingKey = IdentityProvider.keys().getJsonArray("keys").stream().map(JsonObject.class::cast)
                .filter(key -> key.getString("kid").equals(header.getString("kid"))).findFirst().orElseThrow();
        byte[] publicKey = RSAKey.parse(signingKey.toString()).toRSAPublicKey().getEncoded();
        var promoted = Json.createObjectBuilder(payload).add("groups", Json.createArrayBuilder().add("devices-writer")).build();
        var claims = TokenMint.claims(payload.getString("sub"), "devices-writer").issuer(IdentityProvider.realm());
        String localhostRealm = IdentityProvider.realm().replace("127.0.0.1", "localhost");
        String shortLived = IdentityProvider.token("devices-short");

        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("alg none", encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        hostile.put("HS256 keyed with the identity provider's public key", TokenMint.hmacWith(publicKey,
                header.getString("kid"), claims));
        hostile.put("payload altered (groups raised), signature kept", parts[0] + "." + encode(promoted.toString()) + "." + parts[2]);
        hostile.put("bad signature: another key under the provider's key id",
                new TokenMint(header.getString("kid")).sign(claims));
        hostile.put("a token for another key id", new TokenMint("not-in-the-jwks").sign(claims));
        hostile.put("wrong issuer (the same Keycloak, named localhost)", IdentityProvider.token(URI.create(localhostRealm), "devices-writer"));
        hostile.put("wrong audience", IdentityProvider.token("devices-other-audience"));
        hostile.put("malformed", "let-me-in");
        hostile.put("malformed, three parts", "a.b.c");
        hostile.put("over 8 KiB", reader + "A".repeat(8192));
        long expiry = decode(shortLived.split("\\.")[1]).getJsonNumber("exp").longValue();
        // MP_JWT_VERIFY_CLOCK_SKEW is 1 s in these runs (pom.xml): wait until the short token is past it.
        while (Instant.now().getEpochSecond() <= expiry + 2) {
            Thread.sleep(250);
        }
        hostile.put("expired", shortLived);

        assertEquals(200, as(reader, get("device/")).status(), "the untouched token works");
        hostile.forEach((kind, token) -> {
            Reply reply = as(token, get("device/"));
            assertRefused(401, reply);
            assertTrue(reply.header("WWW-Authenticate").contains("error=\"invalid_token\""), kind);
            assertFalse(reply.body().contains("Exception") || reply.body().contains("nimbus"), kind + ": " + reply.body());
        });
    }

    static JsonObject decode(String part) {
        String text = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
