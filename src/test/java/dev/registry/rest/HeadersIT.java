package dev.registry.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.registry.Api.Reply;
import dev.registry.DeployedApi;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Headers on every answer: X-Request-Id, nosniff, no-store. */
class HeadersIT extends DeployedApi {

    @Test
    void everyResponseCarriesARequestId() {
        String generated = api.get("device/").header("X-Request-Id");
        assertNotNull(generated);
        UUID.fromString(generated);

        Reply echoed = api.send(HttpRequest.newBuilder(api.api("device/abc")).header("X-Request-Id", "client-42").GET());
        assertEquals("client-42", echoed.header("X-Request-Id"));
        Reply outside = api.send(HttpRequest.newBuilder(api.site("nothing-here")).header("X-Request-Id", "client-43").GET());
        assertEquals("client-43", outside.header("X-Request-Id"));

        String hostile = api.send(HttpRequest.newBuilder(api.api("device/")).header("X-Request-Id", "a b;<c>").GET())
                .header("X-Request-Id");
        UUID.fromString(hostile);
    }

    @Test
    void apiAnswersAreNeitherSniffedNorStoredByCaches() {
        for (Reply reply : List.of(api.get("device/"), api.get("device/987654321"), api.get("health-check/db"))) {
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply.toString());
            assertEquals("no-store", reply.header("Cache-Control"), reply.toString());
        }
        assertEquals("nosniff", api.send(HttpRequest.newBuilder(api.site("no-such-page")).GET()).header("X-Content-Type-Options"));
    }
}
