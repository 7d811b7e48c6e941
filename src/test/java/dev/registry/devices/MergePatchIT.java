package dev.registry.devices;

import static dev.registry.Api.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Api;
import dev.registry.Api.Reply;
import dev.registry.DeployedApi;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PATCH with application/merge-patch+json (RFC 7396). */
class MergePatchIT extends DeployedApi {

    @Test
    void aMergePatchSetsWhatItNamesAndKeepsTheRest() {
        JsonObject device = api.createDevice("patchable");
        String path = "device/" + id(device);

        Reply renamed = api.patch(path, "{\"name\":\"patched\",\"id\":424242}", null);
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(id(device), id(renamed.json()));
        assertEquals("patched", renamed.json().getString("name"));

        Reply empty = api.patch(path, "{}", null);
        assertEquals(renamed.json(), empty.json());
    }

    @Test
    void aMergePatchFollowsPutsRules() {
        JsonObject device = api.createDevice("strict");
        String path = "device/" + id(device);
        for (String invalid : List.of("{\"name\":null}", "{\"name\":\"\"}", "{\"name\":\"" + "x".repeat(101) + "\"}", "[]", "{")) {
            Reply reply = api.patch(path, invalid, null);
            assertEquals(422, reply.status(), invalid + " -> " + reply);
            assertTrue(reply.contentType().startsWith("application/problem+json"));
        }
        Reply plainJson = api.send(HttpRequest.newBuilder(api.api(path)).header("Content-Type", "application/json")
                .method("PATCH", Api.body("{\"name\":\"x\"}")));
        assertEquals(415, plainJson.status());
        assertEquals(404, api.patch("device/987654321", "{\"name\":\"x\"}", null).status());
        assertEquals(device, api.get(path).json());
    }
}
