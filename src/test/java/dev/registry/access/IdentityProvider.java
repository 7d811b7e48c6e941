package dev.registry.access;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The Keycloak the build starts for the access control tests (pom.xml, src/test/keycloak): tokens by
 * client credentials, as a service of the organisation gets them. Its realm URL is the issuer the
 * server under test was given (MP_JWT_VERIFY_ISSUER), so in-container tests find it too.
 */
public final class IdentityProvider {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration START_LIMIT = Duration.ofSeconds(240);

    private IdentityProvider() {
    }

    /** The realm URL, e.g. http://127.0.0.1:8180/realms/devices: the tokens' issuer. */
    public static String realm() {
        String realm = System.getProperty("keycloak.realm", System.getenv("MP_JWT_VERIFY_ISSUER"));
        if (realm == null) {
            throw new IllegalStateException("no keycloak.realm property: run the access tests with mvn verify");
        }
        return realm;
    }

    /** An access token for one of the realm's clients (src/test/keycloak/devices-realm.json). */
    public static String token(String client) {
        return token(URI.create(realm()), client);
    }

    /** The same from another address of Keycloak: its tokens then name that address as their issuer. */
    public static String token(URI realm, String client) {
        awaitReady(realm);
        String form = "grant_type=client_credentials&client_id=" + encode(client) + "&client_secret=" + encode(client + "-secret");
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + client + ": " + response.body());
        }
        return json(response.body()).getString("access_token");
    }

    /** The realm's signing keys as Keycloak publishes them. */
    public static JsonObject keys() {
        awaitReady(URI.create(realm()));
        return json(send(HttpRequest.newBuilder(URI.create(realm() + "/protocol/openid-connect/certs")).GET()).body());
    }

    /** Keycloak starts beside the other test runs; the first caller waits for it, within a bound. */
    private static void awaitReady(URI realm) {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (true) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(realm + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Keycloak did not answer at " + realm + " within " + START_LIMIT
                        + "; see target/keycloak.log");
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
