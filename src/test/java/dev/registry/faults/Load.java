package dev.registry.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One HTTP exchange with its duration: fault tests judge both. */
record Load(int status, String body, HttpResponse<String> response, long millis) {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    static Load send(HttpRequest.Builder request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Load(response.statusCode(), response.body(), response, (System.nanoTime() - start) / 1_000_000);
        } catch (IOException e) {
            return new Load(-1, e.toString(), null, (System.nanoTime() - start) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Load(-1, e.toString(), null, 0);
        }
    }

    static Load get(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET());
    }

    static Load postJson(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static Load putJson(URI uri, String json) {
        return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    String header(String name) {
        return response == null ? null : response.headers().firstValue(name).orElse(null);
    }

    long id() {
        var matcher = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no id in " + body);
        }
        return Long.parseLong(matcher.group(1));
    }

    @Override
    public String toString() {
        return status + " in " + millis + " ms: " + (body.length() > 300 ? body.substring(0, 300) : body);
    }
}
