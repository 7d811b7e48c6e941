package dev.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Api.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the API offers beyond the seed: paging, conditional requests, PATCH, OpenAPI, health, metrics, request ids. */
class EnterpriseApiIT extends DeployedApi {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    private static final String MERGE_PATCH = "application/merge-patch+json";

    // --- paging

    @Test
    void followingNextLinksVisitsEveryMatchingDeviceOnceInIdOrder() {
        String prefix = unique();
        List<Long> created = create(prefix, 7);

        List<Long> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        URI next = api.api("device/?limit=3&name=" + prefix);
        while (next != null) {
            Reply page = api.send(HttpRequest.newBuilder(next).GET());
            assertEquals(200, page.status(), page.toString());
            pageSizes.add(page.array().size());
            page.array().forEach(d -> seen.add(id(d.asJsonObject())));
            next = nextLink(page);
        }
        assertEquals(created, seen);
        assertEquals(List.of(3, 3, 1), pageSizes);
    }

    @Test
    void aLastPageThatIsExactlyFullHasNoNextLink() {
        String prefix = unique();
        List<Long> created = create(prefix, 4);

        Reply first = api.get("device/?limit=2&name=" + prefix);
        Reply second = api.send(HttpRequest.newBuilder(nextLink(first)).GET());

        assertEquals(created.subList(2, 4), ids(second.array()));
        assertNull(second.header("Link"), "no more devices, yet a next link");
    }

    @Test
    void limitMustBeBetween1And1000AndAfterAnInteger() {
        create(unique(), 1);
        assertEquals(1, api.get("device/?limit=1").array().size());
        assertEquals(200, api.get("device/?limit=1000").status());
        for (String bad : List.of("0", "1001", "-1", "abc", "99999999999999999999")) {
            assertQueryError(api.get("device/?limit=" + bad), "limit");
        }
        assertQueryError(api.get("device/?limit=5&after=x"), "after");
        assertEquals(0, api.get("device/?limit=5&after=99999999999999999999").array().size());
    }

    @Test
    void aNamePrefixIsMatchedLiterally() {
        String prefix = unique();
        long literal = id(api.createDevice(prefix + "50%_off"));
        api.createDevice(prefix + "50x_off");

        Reply reply = api.get("device/?name=" + prefix + "50%25_");

        assertEquals(List.of(literal), ids(reply.array()));
    }

    @Test
    void withoutLimitTheWholeFilteredListComesBackAsOneArray() {
        String prefix = unique();
        List<Long> created = create(prefix, 3);
        assertEquals(created, ids(api.get("device/?name=" + prefix).array()));
        assertNull(api.get("device/").header("Link"));
    }

    // --- version, timestamps, conditional requests

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
        Reply patched = patch(path, "{\"name\":\"patched\"}", null);
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

        assertStale(api.send(json(path, stale).PUT(body("{\"name\":\"second writer\"}"))));
        assertStale(patch(path, "{\"name\":\"second writer\"}", stale));
        assertStale(patch(path, "{}", stale));
        assertStale(api.send(HttpRequest.newBuilder(api.api(path)).header("If-Match", stale).DELETE()));
        assertStale(api.send(json(path, "W/" + current(path)).PUT(body("{\"name\":\"weak tags never match\"}"))));
        assertStale(api.send(HttpRequest.newBuilder(api.api(path)).header("If-Match", stale).GET()));

        assertEquals("first writer", api.get(path).json().getString("name"));
    }

    @Test
    void aCurrentIfMatchOrStarWritesAndNoIfMatchStillLetsTheLastWriteWin() {
        JsonObject device = api.createDevice("cooperative");
        String path = "device/" + id(device);

        Reply matched = api.send(json(path, etag(device)).PUT(body("{\"name\":\"matched\"}")));
        assertEquals(200, matched.status(), matched.toString());
        Reply listed = api.send(json(path, "\"999\", " + matched.header("ETag")).PUT(body("{\"name\":\"listed\"}")));
        assertEquals(200, listed.status(), listed.toString());
        assertEquals(200, api.send(json(path, "*").PUT(body("{\"name\":\"star\"}"))).status());
        assertEquals("unconditional", api.putJson(path, "{\"name\":\"unconditional\"}").json().getString("name"));
        Reply deleted = api.send(HttpRequest.newBuilder(api.api(path)).header("If-Match", current(path)).DELETE());
        assertEquals(200, deleted.status());
    }

    // --- PATCH

    @Test
    void aMergePatchSetsWhatItNamesAndKeepsTheRest() {
        JsonObject device = api.createDevice("patchable");
        String path = "device/" + id(device);

        Reply renamed = patch(path, "{\"name\":\"patched\",\"id\":424242}", null);
        assertEquals(200, renamed.status(), renamed.toString());
        assertEquals(id(device), id(renamed.json()));
        assertEquals("patched", renamed.json().getString("name"));

        Reply empty = patch(path, "{}", null);
        assertEquals(renamed.json(), empty.json());
    }

    @Test
    void aMergePatchFollowsPutsRules() {
        JsonObject device = api.createDevice("strict");
        String path = "device/" + id(device);
        for (String invalid : List.of("{\"name\":null}", "{\"name\":\"\"}", "{\"name\":\"" + "x".repeat(101) + "\"}", "[]", "{")) {
            Reply reply = patch(path, invalid, null);
            assertEquals(422, reply.status(), invalid + " -> " + reply);
            assertTrue(reply.contentType().startsWith("application/problem+json"));
        }
        Reply plainJson = api.send(HttpRequest.newBuilder(api.api(path)).header("Content-Type", "application/json")
                .method("PATCH", body("{\"name\":\"x\"}")));
        assertEquals(415, plainJson.status());
        assertEquals(404, patch("device/987654321", "{\"name\":\"x\"}", null).status());
        assertEquals(device, api.get(path).json());
    }

    // --- OpenAPI, docs, health, metrics, request ids

    @Test
    void theOpenApiDocumentDescribesEveryOperationWithItsProblems() {
        Reply reply = api.send(HttpRequest.newBuilder(api.site("/openapi")).header("Accept", "application/json").GET());
        assertEquals(200, reply.status(), reply.toString());
        JsonObject document = reply.json();
        JsonObject paths = document.getJsonObject("paths");
        JsonObject collection = path(paths, "/api/v1/device");
        JsonObject one = path(paths, "/api/v1/device/{id}");
        assertTrue(collection.keySet().containsAll(List.of("get", "post")), collection.keySet().toString());
        assertTrue(one.keySet().containsAll(List.of("get", "put", "patch", "delete")), one.keySet().toString());
        assertNotNull(path(paths, "/api/v1/health-check/db").get("get"));

        List<String> listParameters = collection.getJsonObject("get").getJsonArray("parameters").stream()
                .map(p -> p.asJsonObject().getString("name")).toList();
        assertTrue(listParameters.containsAll(List.of("limit", "after", "name")), listParameters.toString());
        assertTrue(one.getJsonObject("put").getJsonObject("responses").keySet().containsAll(List.of("200", "404", "412", "422")));
        assertTrue(one.getJsonObject("patch").getJsonObject("requestBody").getJsonObject("content")
                .containsKey("application/merge-patch+json"));

        JsonObject components = document.getJsonObject("components");
        assertTrue(components.getJsonObject("schemas").keySet().containsAll(List.of("Device", "Problem", "FieldError")));
        String notFound = components.getJsonObject("responses").getJsonObject("NotFound").toString();
        assertTrue(notFound.contains("application/problem+json") && notFound.contains("Device not found"), notFound);
    }

    @Test
    void theDocsPageServesSwaggerUiFromTheWar() {
        Reply page = api.send(HttpRequest.newBuilder(api.site("docs/")).GET());
        assertEquals(200, page.status());
        Matcher bundle = Pattern.compile("src=\"\\.\\./(webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\"").matcher(page.body());
        assertTrue(bundle.find(), page.body());
        assertTrue(page.body().contains("/openapi"));
        assertEquals(200, api.send(HttpRequest.newBuilder(api.site(bundle.group(1))).GET()).status());
    }

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

    /**
     * The server's /metrics, on the application port, counts the API's requests and their time. What
     * it names them is the server's: per endpoint on Payara (the resources' MicroProfile @Timed), per
     * deployment and servlet on WildFly 39 (no MicroProfile Metrics there); pom.xml names them per run.
     */
    @Test
    void metricsCountRequestsAndTheirTime() {
        api.get("device/1");
        double before = metric(property("metrics.requests"));

        for (int i = 0; i < 3; i++) {
            api.createDevice("measured");
        }

        assertTrue(metric(property("metrics.requests")) >= before + 3, property("metrics.requests") + " did not count 3 creates");
        assertTrue(metric(property("metrics.time")) > 0, property("metrics.time"));
        for (String name : property("metrics.names").split(",")) {
            metric(name);
        }
    }

    @Test
    void metricsShowTheJdbcPoolInUse() throws Exception {
        String device = "device/" + id(api.createDevice("locked"));
        try (Connection direct = DriverManager.getConnection(testDatabaseUrl(), env("DB_USER", "postgres"),
                env("DB_PASSWORD", "postgres"))) {
            direct.setAutoCommit(false);
            try (Statement lock = direct.createStatement()) {
                lock.execute("LOCK TABLE device IN ACCESS EXCLUSIVE MODE");
            }
            ExecutorService clients = Executors.newFixedThreadPool(6);
            List<Future<Reply>> blocked = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                blocked.add(clients.submit(() -> api.get(device)));
            }
            // Payara's gauge comes from its connection-pool health check, which samples every 5 s.
            double used = 0;
            for (int i = 0; i < 40 && used < 6; i++) {
                Thread.sleep(250);
                used = metric(property("metrics.pool.used"));
            }
            assertEquals(6, used, "connections in use while 6 requests wait on a lock");
            direct.rollback();
            for (Future<Reply> request : blocked) {
                assertEquals(200, request.get(30, TimeUnit.SECONDS).status());
            }
            clients.shutdown();
        }
        double used = 6;
        for (int i = 0; i < 40 && used > 0; i++) {
            Thread.sleep(250);
            used = metric(property("metrics.pool.used"));
        }
        assertEquals(0, used, "connections still in use after the requests finished");
        assertTrue(metric(property("metrics.pool.free")) > 0);
    }

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

    // --- helpers

    /** A value from /metrics, by name and, optionally, labels it must carry: {@code name{label="x"}}. */
    private double metric(String selector) {
        int brace = selector.indexOf('{');
        String name = brace < 0 ? selector : selector.substring(0, brace);
        String labels = brace < 0 ? "" : selector.substring(brace + 1, selector.length() - 1);
        String metrics = api.send(HttpRequest.newBuilder(api.site("/metrics")).header("Accept", "text/plain").GET()).body();
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} ([0-9.E+-]+)").matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains(labels)) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError(selector + " missing from /metrics");
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: pom.xml sets it for each server's run");
        }
        return value;
    }

    private static String testDatabaseUrl() {
        return "jdbc:postgresql://" + env("DB_HOST", "localhost") + ":" + env("DB_PORT", "5432") + "/"
                + env("DB_NAME", "devices_test");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String unique() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    private List<Long> create(String prefix, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(id(api.createDevice(prefix + i)));
        }
        return ids;
    }

    private static long id(JsonObject device) {
        return device.getJsonNumber("id").longValue();
    }

    private static List<Long> ids(JsonArray devices) {
        return devices.stream().map(d -> id(d.asJsonObject())).toList();
    }

    private static String etag(JsonObject device) {
        return "\"" + device.getJsonNumber("version").longValue() + "\"";
    }

    private String current(String path) {
        return api.get(path).header("ETag");
    }

    private static URI nextLink(Reply page) {
        String link = page.header("Link");
        if (link == null) {
            return null;
        }
        Matcher next = NEXT.matcher(link);
        assertTrue(next.find(), link);
        return URI.create(next.group(1));
    }

    private HttpRequest.Builder json(String path, String ifMatch) {
        return HttpRequest.newBuilder(api.api(path)).header("Content-Type", "application/json").header("If-Match", ifMatch);
    }

    private Reply patch(String path, String json, String ifMatch) {
        var request = HttpRequest.newBuilder(api.api(path)).header("Content-Type", MERGE_PATCH).method("PATCH", body(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return api.send(request);
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private static void assertStale(Reply reply) {
        assertEquals(412, reply.status(), reply.toString());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(412, reply.json().getInt("status"));
    }

    private static void assertQueryError(Reply reply, String parameter) {
        assertEquals(422, reply.status(), reply.toString());
        JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
        assertEquals(Json.createArrayBuilder().add("query").add(parameter).build(), error.getJsonArray("loc"));
    }

    private static JsonObject path(JsonObject paths, String suffix) {
        return paths.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError(suffix + " not in " + paths.keySet())).getValue().asJsonObject();
    }
}
