package dev.registry.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.Api.Reply;
import dev.registry.DeployedApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/** MicroProfile Health beside the seed's check. */
class HealthIT extends DeployedApi {

    @Test
    void healthReportsLivenessAndReadinessWithTheDatabaseCheck() {
        Reply live = api.send(HttpRequest.newBuilder(api.site("/health/live")).GET());
        assertEquals(200, live.status(), live.toString());
        assertEquals("UP", live.json().getString("status"));

        Reply ready = api.send(HttpRequest.newBuilder(api.site("/health/ready")).GET());
        assertEquals(200, ready.status(), ready.toString());
        JsonObject database = ready.json().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("UP", database.getString("status"));
        assertEquals("up to date", database.getJsonObject("data").getString("schema"));
    }
}
