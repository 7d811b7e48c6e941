package dev.registry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.KeySourceException;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Keys from a JWKS URL: fetched once, unknown key ids never turn into a server error, an unreachable provider does. */
class RemoteKeysTest {

    static final TokenMint IDP = new TokenMint("idp-key");

    static HttpServer jwks(AtomicInteger fetches) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/certs", exchange -> {
            fetches.incrementAndGet();
            byte[] body = IDP.jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    static TokenVerifier verifier(HttpServer server) {
        return new TokenVerifier(new AccessSettings(true, "http://127.0.0.1:" + server.getAddress().getPort() + "/certs",
                TokenMint.ISSUER, Set.of(TokenMint.AUDIENCE), "RS256", 60));
    }

    @Test
    void tokensForUnknownKeyIdsAreRejectedEvenWhenTheRefreshIsRateLimited() throws Exception {
        var fetches = new AtomicInteger();
        HttpServer server = jwks(fetches);
        try {
            TokenVerifier verifier = verifier(server);
            assertEquals("alice", verifier.verify(IDP.sign(TokenMint.claims("alice", "devices-reader"))).subject());
            TokenMint stranger = new TokenMint("unknown-key");
            for (int i = 0; i < 5; i++) {
                assertThrows(RejectedToken.class, () -> verifier.verify(stranger.sign(TokenMint.claims("mallory", "devices-writer"))));
            }
            assertEquals("alice", verifier.verify(IDP.sign(TokenMint.claims("alice", "devices-reader"))).subject());
            assertEquals(2, fetches.get(), "one fetch, then one refresh for the unknown key id");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableProviderWithNoKeysYetIsAnOutageNotTheClientsFault() throws Exception {
        HttpServer server = jwks(new AtomicInteger());
        TokenVerifier verifier = verifier(server);
        server.stop(0);
        assertThrows(KeySourceException.class, () -> verifier.verify(IDP.sign(TokenMint.claims("alice", "devices-reader"))));
    }
}
