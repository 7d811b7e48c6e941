package dev.registry.devices;

import static dev.registry.Api.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.registry.Api;
import dev.registry.Api.Reply;
import dev.registry.DeployedApi;
import dev.registry.TestDatabase;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Safe retries of POST /device/ with an Idempotency-Key; without one, every POST creates, as in the tutorial. */
class IdempotentCreateIT extends DeployedApi {

    @Test
    void aRetryWithTheSameKeyAndBodyAnswersTheFirstAnswerAndWritesNothing() {
        String name = Api.unique() + "retried";
        String key = UUID.randomUUID().toString();

        Reply first = post(name, key);
        Reply retry = post(name, key);

        assertEquals(201, first.status(), first.toString());
        assertEquals(201, retry.status(), retry.toString());
        assertEquals(first.json(), retry.json());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(1, devicesNamed(name));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndWritesNothing() {
        String name = Api.unique() + "first";
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(name, key).status());

        Reply reused = post(name + "-other", key);

        JsonObject problem = reused.json();
        assertEquals(422, reused.status(), reused.toString());
        JsonObject error = problem.getJsonArray("errors").getJsonObject(0);
        assertEquals(List.of("header", "Idempotency-Key"), error.getJsonArray("loc").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals("idempotency_key_reused", error.getString("type"));
        assertEquals(0, devicesNamed(name + "-other"));
    }

    @Test
    void withoutAKeyEveryPostCreatesAsInTheTutorial() {
        String name = Api.unique() + "plain";
        assertNotEquals(id(post(name, null).json()), id(post(name, null).json()));
        assertEquals(2, devicesNamed(name));
    }

    @Test
    void aMalformedKeyIs422AndWritesNothing() {
        String name = Api.unique() + "malformed";
        for (String key : List.of("x".repeat(256), "with space", "caf\u00e9")) {
            Reply reply = post(name, key);
            assertEquals(422, reply.status(), reply.toString());
        }
        assertEquals(0, devicesNamed(name));
    }

    @Test
    void clientsRacingOnOneKeyCreateOneDevice() throws Exception {
        String name = Api.unique() + "raced";
        String key = UUID.randomUUID().toString();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                replies.add(clients.submit(() -> post(name, key)));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<Reply> reply : replies) {
                Reply answered = reply.get(60, TimeUnit.SECONDS);
                assertEquals(201, answered.status(), answered.toString());
                ids.add(id(answered.json()));
            }
            assertEquals(1, ids.size(), "one device for one key: " + ids);
            assertEquals(1, devicesNamed(name));
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aKeyOlderThan24HoursCreatesANewDevice() throws Exception {
        String name = Api.unique() + "expired";
        String key = UUID.randomUUID().toString();
        long first = id(post(name, key).json());
        try (Connection database = TestDatabase.connect();
             PreparedStatement age = database.prepareStatement(
                     "UPDATE idempotent_create SET created_at = now() - interval '25 hours' WHERE idempotency_key = ?")) {
            age.setString(1, key);
            assertEquals(1, age.executeUpdate());
        }

        Reply again = post(name, key);

        assertEquals(201, again.status(), again.toString());
        assertNotEquals(first, id(again.json()));
        assertNull(again.header("Idempotent-Replayed"));
    }

    private Reply post(String name, String key) {
        var request = HttpRequest.newBuilder(api.api("device/")).header("Content-Type", "application/json")
                .POST(Api.body("{\"name\":\"" + name + "\"}"));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return api.send(request);
    }

    private int devicesNamed(String name) {
        return (int) api.get("device/?name=" + name).array().stream()
                .filter(device -> device.asJsonObject().getString("name").equals(name)).count();
    }
}
