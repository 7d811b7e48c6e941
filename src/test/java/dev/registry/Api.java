package dev.registry;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A plain HTTP client for black-box tests: raw bytes in, status, headers and body out. */
public final class Api {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI root;

    public Api(URL deployment) {
        String url = deployment.toString();
        this.root = URI.create(url.endsWith("/") ? url : url + "/");
    }

    /** Resolves a path under /api/v1, e.g. "device/1". */
    public URI api(String path) {
        return root.resolve("api/v1/" + path);
    }

    public URI site(String path) {
        return root.resolve(path);
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(api(path)).GET());
    }

    public Reply postJson(String path, String json) {
        return send(HttpRequest.newBuilder(api(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Reply putJson(String path, String json) {
        return send(HttpRequest.newBuilder(api(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(api(path)).DELETE());
    }

    public Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonObject createDevice(String name) {
        Reply reply = postJson("device/", Json.createObjectBuilder().add("name", name).build().toString());
        if (reply.status() != 201) {
            throw new AssertionError("create failed: " + reply);
        }
        return reply.json();
    }

    public List<Long> create(String prefix, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(id(createDevice(prefix + i)));
        }
        return ids;
    }

    /** A merge patch, with If-Match when {@code ifMatch} is not null. */
    public Reply patch(String path, String json, String ifMatch) {
        var request = HttpRequest.newBuilder(api(path)).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", body(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(request);
    }

    /** A JSON request to {@code path} carrying If-Match; the caller sets the method and body. */
    public HttpRequest.Builder withIfMatch(String path, String ifMatch) {
        return HttpRequest.newBuilder(api(path)).header("Content-Type", "application/json").header("If-Match", ifMatch);
    }

    public static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8);
    }

    public static long id(JsonObject device) {
        return device.getJsonNumber("id").longValue();
    }

    public static List<Long> ids(JsonArray devices) {
        return devices.stream().map(d -> id(d.asJsonObject())).toList();
    }

    /** The strong entity tag of the device's version. */
    public static String etag(JsonObject device) {
        return "\"" + device.getJsonNumber("version").longValue() + "\"";
    }

    /** A name prefix no other test uses. */
    public static String unique() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }

    public int deviceCount() {
        return get("device/").array().size();
    }

    public record Reply(HttpResponse<String> response) {

        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public JsonArray array() {
            return (JsonArray) structure();
        }

        private JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(body()))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return response.request().method() + " " + response.uri() + " -> " + status() + " " + body();
        }
    }
}
