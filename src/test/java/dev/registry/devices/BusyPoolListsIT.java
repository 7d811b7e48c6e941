package dev.registry.devices;

import static dev.registry.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Api;
import dev.registry.Api.Reply;
import dev.registry.BusyPool;
import dev.registry.DeployedApi;
import dev.registry.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.InputStream;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The full list reads its batches one transaction at a time, so a list under way needs the pool
 * again and again. While every pooled connection is taken, a new list is refused with a 503 before
 * it starts, and a list already under way waits for a connection instead of ending short.
 */
class BusyPoolListsIT extends DeployedApi {

    /** About 25 MB of JSON: far more than the sockets between server and client hold. */
    private static final int ROWS = 200_000;
    /** Four times the pool's wait for a free connection (1 s, both servers), well within the list's patience. */
    private static final long BUSY_MILLIS = 4_000;

    @Test
    void aListUnderWayOutlastsAPoolBusyForSecondsAndANewListIsRefusedWith503() throws Exception {
        String prefix = unique();
        BulkRows.insert(prefix, ROWS);
        long locked = Api.id(api.createDevice(unique()));
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            // The answer's head arrives; its body waits in the sockets until this test reads it.
            HttpResponse<InputStream> list = http.send(HttpRequest.newBuilder(api.api("device/?name=" + prefix)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, list.statusCode());
            // By now the server has filled the sockets and waits to write, holding no connection.
            Thread.sleep(2_000);
            CompletableFuture<String> body;
            List<Integer> puts;
            try (var pool = new BusyPool(TestDatabase::connect, locked,
                    () -> api.putJson("device/" + locked, "{\"name\":\"" + unique() + "\"}").status())) {
                Reply refused = api.get("device/?name=" + prefix);
                assertEquals(503, refused.status(), refused.toString());
                assertTrue(refused.contentType().startsWith("application/problem+json"), refused.toString());
                assertEquals("The database is unavailable; retry shortly.", refused.json().getString("detail"));

                body = CompletableFuture.supplyAsync(() -> readAll(list.body()));
                Thread.sleep(BUSY_MILLIS);
                assertTrue(!body.isDone(), "the list waits while the pool is busy");
                puts = pool.release();
            }
            assertEquals(List.of(200), puts.stream().distinct().toList(), "the PUTs that held the pool");
            String json = body.get(60, TimeUnit.SECONDS);
            assertTrue(json.endsWith("]"), "the list ended short: ..." + json.substring(Math.max(0, json.length() - 200)));
            JsonArray devices = Json.createReader(new StringReader(json)).readArray();
            assertEquals(ROWS, devices.size());
            assertEquals(prefix + "1", devices.getJsonObject(0).getString("name"));
            assertEquals(prefix + ROWS, devices.getJsonObject(ROWS - 1).getString("name"));
        } finally {
            BulkRows.delete(prefix);
        }
    }

    private static String readAll(InputStream body) {
        try (body) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }
}
