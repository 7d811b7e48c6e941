package dev.registry.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Api.Reply;
import dev.registry.DeployedApi;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The OpenAPI document and the /docs page. */
class ApiDocsIT extends DeployedApi {

    @Test
    void theOpenApiDocumentIsTheWarsYamlByDefault() throws Exception {
        Reply reply = api.send(HttpRequest.newBuilder(api.site("/openapi")).GET());
        assertEquals(200, reply.status(), reply.toString());
        assertEquals("application/yaml", mediaType(reply));
        assertEquals(Files.readString(OpenApiDocumentTest.SOURCE), reply.body(), "the served document is the source file");

        Reply asked = api.send(HttpRequest.newBuilder(api.site("/openapi")).header("Accept", "application/yaml").GET());
        assertEquals(200, asked.status());
        assertEquals("application/yaml", mediaType(asked));
    }

    @Test
    void jsonOnAcceptOrFormatAndTheSameDocument() throws Exception {
        JsonObject expected = OpenApiDocumentTest.document();
        for (Reply reply : List.of(
                api.send(HttpRequest.newBuilder(api.site("/openapi")).header("Accept", "application/json").GET()),
                api.send(HttpRequest.newBuilder(api.site("/openapi?format=json")).GET()))) {
            assertEquals(200, reply.status(), reply.toString());
            assertEquals("application/json", mediaType(reply));
            assertEquals(expected, reply.json());
        }
        assertEquals("/", expected.getJsonArray("servers").getJsonObject(0).getString("url"), "a server URL relative to the document");
        List<String> tags = expected.getJsonArray("tags").stream().map(t -> t.asJsonObject().getString("name")).toList();
        assertEquals(tags.stream().distinct().toList(), tags, "each tag once");
    }

    @Test
    void aFormatTheEndpointCannotServeIs406() {
        ProblemsIT.assertProblem(api.send(HttpRequest.newBuilder(api.site("/openapi")).header("Accept", "text/html").GET()), 406);
    }

    private static String mediaType(Reply reply) {
        return reply.contentType().split(";")[0].trim();
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

}
