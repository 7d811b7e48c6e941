package dev.registry.devices;

import static dev.registry.Api.etag;
import static dev.registry.Api.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Api;
import dev.registry.Api.Reply;
import dev.registry.DeployedApi;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Versions, timestamps and ETags; If-None-Match and If-Match. */
class ConditionalRequestsIT extends DeployedApi {

    @Test
    void devicesCarryVersionAndUtcTimestampsBesideTheSeedsFields() {
        JsonObject created = api.createDevice("stamped");
        assertEquals(List.of("id", "name", "version", "created_at", "updated_at"), List.copyOf(created.keySet()));
        // The same on EclipseLink and Hibernate (which would start at 0).
        assertEquals(1, created.getInt("version"));
        OffsetDateTime createdAt = OffsetDateTime.parse(created.getString("created_at"));
        assertTrue(created.getString("created_at").endsWith("Z"));

        JsonObject renamed = api.putJson("device/" + id(created), "{\"name\":\"restamped\"}").json();

        assertEquals(created.getInt("version") + 1, renamed.getInt("version"));
        assertEquals(created.getString("created_at"), renamed.getString("created_at"));
        assertFalse(OffsetDateTime.parse(renamed.getString("updated_at")).isBefore(createdAt));
    }

    @Test
    void everyResponseWithOneDeviceHasAStrongEtagFromItsVersion() {
        Reply created = api.postJson("device/", "{\"name\":\"tagged\"}");
        String path = "device/" + id(created.json());
        assertEquals(etag(created.json()), created.header("ETag"));
        assertEquals(etag(created.json()), api.get(path).header("ETag"));
        Reply put = api.putJson(path, "{\"name\":\"retagged\"}");
        assertEquals(etag(put.json()), put.header("ETag"));
        Reply patched = api.patch(path, "{\"name\":\"patched\"}", null);
        assertEquals(etag(patched.json()), patched.header("ETag"));
        assertNotEquals(created.header("ETag"), patched.header("ETag"));
    }

    @Test
    void ifNoneMatchWithTheCurrentEtagIs304() {
        JsonObject device = api.createDevice("cached");
        String path = "device/" + id(device);

        Reply unchanged = api.send(HttpRequest.newBuilder(api.api(path)).header("If-None-Match", etag(device)).GET());
        assertEquals(304, unchanged.status());
        assertEquals("", unchanged.body());

        api.putJson(path, "{\"name\":\"changed\"}");
        Reply changed = api.send(HttpRequest.newBuilder(api.api(path)).header("If-None-Match", etag(device)).GET());
        assertEquals(200, changed.status());
        assertEquals("changed", changed.json().getString("name"));
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() {
        JsonObject device = api.createDevice("contested");
        String path = "device/" + id(device);
        String stale = etag(device);
        api.putJson(path, "{\"name\":\"first writer\"}");

        assertStale(api.send(api.withIfMatch(path, stale).PUT(Api.body("{\"name\":\"second writer\"}"))));
        assertStale(api.patch(path, "{\"name\":\"second writer\"}", stale));
        assertStale(api.patch(path, "{}", stale));
        assertStale(api.send(HttpRequest.newBuilder(api.api(path)).header("If-Match", stale).DELETE()));
        assertStale(api.send(api.withIfMatch(path, "W/" + current(path)).PUT(Api.body("{\"name\":\"weak tags never match\"}"))));
        assertStale(api.send(HttpRequest.newBuilder(api.api(path)).header("If-Match", stale).GET()));

        assertEquals("first writer", api.get(path).json().getString("name"));
    }

    @Test
    void aCurrentIfMatchOrStarWritesAndNoIfMatchStillLetsTheLastWriteWin() {
        JsonObject device = api.createDevice("cooperative");
        String path = "device/" + id(device);

        Reply matched = api.send(api.withIfMatch(path, etag(device)).PUT(Api.body("{\"name\":\"matched\"}")));
        assertEquals(200, matched.status(), matched.toString());
        Reply listed = api.send(api.withIfMatch(path, "\"999\", " + matched.header("ETag")).PUT(Api.body("{\"name\":\"listed\"}")));
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(200, api.send(api.withIfMatch(path, "*").PUT(Api.body("{\"name\":\"star\"}"))).status());
        assertEquals("unconditional", api.putJson(path, "{\"name\":\"unconditional\"}").json().getString("name"));
        Reply deleted = api.send(HttpRequest.newBuilder(api.api(path)).header("If-Match", current(path)).DELETE());
        assertEquals(200, deleted.status());
    }

    private String current(String path) {
        return api.get(path).header("ETag");
    }

    private static void assertStale(Reply reply) {
        assertEquals(412, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(412, reply.json().getInt("status"));
    }
}
