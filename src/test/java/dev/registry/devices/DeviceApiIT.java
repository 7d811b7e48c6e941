package dev.registry.devices;

import static dev.registry.Api.ids;
import static dev.registry.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Api.Reply;
import dev.registry.DeployedApi;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The seed's contract, as a client written against the FastAPI tutorial sees it. */
class DeviceApiIT extends DeployedApi {

    @Test
    void healthCheckAnswersExactlyLikeTheSeed() {
        Reply reply = api.get("health-check/db");
        assertEquals(200, reply.status());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        assertEquals(Json.createObjectBuilder().add("status", "ok").add("db", "reachable").build(), reply.json());
    }

    @Test
    void createAnswers201WithLocationAndTheStoredDevice() {
        Reply created = api.postJson("device/", "{\"name\": \"my-first-device\"}");

        assertEquals(201, created.status(), created.toString());
        JsonObject device = created.json();
        assertEquals("my-first-device", device.getString("name"));
        long id = device.getJsonNumber("id").longValueExact();
        assertTrue(id > 0);
        assertEquals(api.api("device/" + id).toString(), created.header("Location"));
        Reply fetched = api.send(HttpRequest.newBuilder(java.net.URI.create(created.header("Location"))).GET());
        assertEquals(200, fetched.status());
        assertEquals(device, fetched.json());
    }

    @Test
    void collectionAnswersWithAndWithoutTrailingSlash() {
        assertEquals(201, api.postJson("device", "{\"name\":\"no-slash\"}").status());
        assertEquals(201, api.postJson("device/", "{\"name\":\"slash\"}").status());

        Reply withSlash = api.get("device/");
        Reply withoutSlash = api.get("device");
        assertEquals(200, withSlash.status());
        assertEquals(200, withoutSlash.status());
        assertEquals(withSlash.array(), withoutSlash.array());
    }

    @Test
    void listHoldsEveryDeviceOrderedById() {
        long first = api.createDevice("zeta").getJsonNumber("id").longValue();
        long second = api.createDevice("alpha").getJsonNumber("id").longValue();

        List<Long> ids = api.get("device/").array().stream()
                .map(JsonValue::asJsonObject)
                .map(d -> d.getJsonNumber("id").longValue())
                .toList();
        assertTrue(ids.contains(first) && ids.contains(second), ids.toString());
        assertEquals(ids.stream().sorted().toList(), ids);
    }

    @Test
    void theFullListWritesEveryDeviceAsItsOwnGetAndAPageDo() {
        // The full list reads rows as values, a GET and a page read entities: the JSON is the same.
        String prefix = unique();
        List<Long> created = api.create(prefix, 3);
        // One renamed, so its version and updated_at differ from the others'.
        assertEquals(200, api.putJson("device/" + created.get(1), "{\"name\":\"" + prefix + "renamed\"}").status());
        JsonArray listed = api.get("device/?name=" + prefix).array();

        assertEquals(created, ids(listed));
        for (int i = 0; i < created.size(); i++) {
            assertEquals(api.get("device/" + created.get(i)).json(), listed.getJsonObject(i));
        }
        assertEquals(listed, api.get("device/?limit=10&name=" + prefix).array());
    }

    @Test
    void getOfAMissingDeviceIs404WithTheSeedsDetail() {
        Reply reply = api.get("device/987654321");
        assertProblem(reply, 404, "Device not found");
    }

    @Test
    void putRenamesAndTheChangeIsStored() {
        long id = api.createDevice("before").getJsonNumber("id").longValue();

        Reply updated = api.putJson("device/" + id, "{\"name\":\"after\"}");

        assertEquals(200, updated.status(), updated.toString());
        assertEquals(id, updated.json().getJsonNumber("id").longValue());
        assertEquals("after", updated.json().getString("name"));
        assertEquals("after", api.get("device/" + id).json().getString("name"));
    }

    @Test
    void putOfAMissingDeviceIs404() {
        assertProblem(api.putJson("device/987654321", "{\"name\":\"x\"}"), 404, "Device not found");
    }

    @Test
    void deleteAnswersOkTrueAndTheDeviceIsGone() {
        long id = api.createDevice("short-lived").getJsonNumber("id").longValue();

        Reply deleted = api.delete("device/" + id);

        assertEquals(200, deleted.status());
        assertEquals(Json.createObjectBuilder().add("ok", true).build(), deleted.json());
        assertProblem(api.get("device/" + id), 404, "Device not found");
        assertProblem(api.delete("device/" + id), 404, "Device not found");
    }

    @Test
    void aClientSentIdNeverChoosesTheRow() {
        JsonObject existing = api.createDevice("existing");
        long existingId = existing.getJsonNumber("id").longValue();

        JsonObject created = api.postJson("device/", "{\"id\":" + existingId + ",\"name\":\"intruder\"}").json();
        assertNotEquals(existingId, created.getJsonNumber("id").longValue());

        long otherId = api.createDevice("other").getJsonNumber("id").longValue();
        Reply renamed = api.putJson("device/" + otherId, "{\"id\":" + existingId + ",\"name\":\"renamed\"}");
        assertEquals(otherId, renamed.json().getJsonNumber("id").longValue());
        assertEquals(existing, api.get("device/" + existingId).json());
    }

    @Test
    void hundredCharactersAsPostgresCountsThemRoundTripExactly() {
        String emoji = "\uD83D\uDE00".repeat(100);
        String accented = "e\u0301".repeat(50);
        for (String name : List.of(emoji, accented, "x".repeat(100))) {
            JsonObject created = api.createDevice(name);
            assertEquals(name, created.getString("name"));
            assertEquals(name, api.get("device/" + created.getJsonNumber("id").longValue()).json().getString("name"));
        }
    }

    @Test
    void hostileStringsAreStoredVerbatim() {
        for (String name : List.of("'; DROP TABLE device; --", "\"quoted\" \\ back", "tab\tnew\nline", "<script>")) {
            JsonObject created = api.createDevice(name);
            assertEquals(name, api.get("device/" + created.getJsonNumber("id").longValue()).json().getString("name"));
        }
        assertEquals(200, api.get("device/").status());
    }

    @Test
    void aBodyWithoutContentTypeIsReadAsJsonAsFastApiDoes() {
        Reply reply = api.send(HttpRequest.newBuilder(api.api("device/"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"untyped\"}")));
        assertEquals(201, reply.status(), reply.toString());
        assertEquals("untyped", reply.json().getString("name"));
    }

    @Test
    void anIdBeyondTheColumnsRangeIsNotFound() {
        assertProblem(api.get("device/99999999999999999999999"), 404, "Device not found");
        assertProblem(api.get("device/-1"), 404, "Device not found");
        assertProblem(api.delete("device/9223372036854775807"), 404, "Device not found");
    }

    static void assertProblem(Reply reply, int status, String detail) {
        assertEquals(status, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"));
        assertEquals(detail, problem.getString("detail"));
        assertEquals("about:blank", problem.getString("type"));
        assertTrue(!problem.getString("title").isBlank());
    }
}
