package dev.registry.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Api.Reply;
import dev.registry.DeployedApi;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the /docs page. */
class ApiDocsIT extends DeployedApi {

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

        List<String> tags = document.getJsonArray("tags").stream().map(t -> t.asJsonObject().getString("name")).toList();
        assertEquals(tags.stream().distinct().toList(), tags, "each tag once");
        for (String method : List.of("get", "put", "patch", "delete")) {
            assertEquals(List.of("devices"), one.getJsonObject(method).getJsonArray("tags").getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).toList(), method);
        }

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

    private static JsonObject path(JsonObject paths, String suffix) {
        return paths.entrySet().stream().filter(e -> e.getKey().endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError(suffix + " not in " + paths.keySet())).getValue().asJsonObject();
    }
}
