package dev.registry.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.IOException;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document is written by hand: it must describe exactly the JAX-RS resources there are
 * (paths, methods, query parameters), with ids clients can live with. (GeneratedClientIT then runs a
 * client generated from it against both servers.)
 */
class OpenApiDocumentTest {

    static final java.nio.file.Path SOURCE = java.nio.file.Path.of("src/main/resources", OpenApiServlet.DOCUMENT);
    static final List<Class<?>> RESOURCES = List.of(dev.registry.devices.DevicesResource.class,
            dev.registry.devices.DeviceResource.class, dev.registry.health.HealthResource.class);

    @Test
    void everyResourceMethodIsDocumentedAndNothingElse() throws IOException {
        JsonObject paths = document().getJsonObject("paths");
        Map<String, TreeSet<String>> documented = new TreeMap<>();
        paths.forEach((path, item) -> item.asJsonObject().keySet().stream().filter(key -> !key.equals("parameters"))
                .forEach(method -> documented.computeIfAbsent(path, p -> new TreeSet<>()).add(method)));

        Map<String, TreeSet<String>> served = new TreeMap<>();
        String root = "/" + RestApplication.class.getAnnotation(ApplicationPath.class).value();
        for (Class<?> resource : RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb != null) {
                    served.computeIfAbsent(path(root, resource, method), p -> new TreeSet<>()).add(verb);
                }
            }
        }
        assertEquals(served, documented);
    }

    @Test
    void queryParametersAreThoseTheResourcesRead() throws IOException {
        JsonObject document = document();
        String root = "/" + RestApplication.class.getAnnotation(ApplicationPath.class).value();
        for (Class<?> resource : RESOURCES) {
            for (Method method : resource.getDeclaredMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                List<String> read = new ArrayList<>();
                for (Parameter parameter : method.getParameters()) {
                    if (parameter.isAnnotationPresent(QueryParam.class)) {
                        read.add(parameter.getAnnotation(QueryParam.class).value());
                    }
                }
                JsonObject operation = document.getJsonObject("paths").getJsonObject(path(root, resource, method)).getJsonObject(verb);
                List<String> documented = new ArrayList<>();
                if (operation.containsKey("parameters")) {
                    for (JsonValue parameter : operation.getJsonArray("parameters")) {
                        JsonObject resolved = resolve(document, parameter.asJsonObject());
                        if (resolved.getString("in").equals("query")) {
                            documented.add(resolved.getString("name"));
                        }
                    }
                }
                assertEquals(read, documented, verb + " " + path(root, resource, method));
            }
        }
    }

    @Test
    void operationIdsReadWellInGeneratedCode() throws IOException {
        List<String> ids = new ArrayList<>();
        document().getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (!method.equals("parameters")) {
                ids.add(operation.asJsonObject().getString("operationId"));
            }
        }));
        assertEquals(List.of("checkDatabase", "listDevices", "createDevice", "getDevice", "updateDevice", "patchDevice",
                "deleteDevice"), ids);
    }

    /** Generated clients send the token where the access control asks for one, and only there. */
    @Test
    void theOperationsTheAccessRuleProtectsDeclareTheBearerSchemeAndItsRefusals() throws IOException {
        JsonObject document = document();
        assertEquals("bearer", document.getJsonObject("components").getJsonObject("securitySchemes")
                .getJsonObject("bearerAuth").getString("scheme"));
        document.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().forEach((method, operation) -> {
            if (method.equals("parameters")) {
                return;
            }
            JsonObject op = operation.asJsonObject();
            boolean protectedByRule = dev.registry.access.AccessRule.of(method.toUpperCase(Locale.ROOT),
                    path.substring("/api/v1/".length())) != dev.registry.access.AccessRule.OPEN;
            String where = method + " " + path;
            assertEquals(protectedByRule, op.containsKey("security"), where);
            assertEquals(protectedByRule, op.getJsonObject("responses").containsKey("401"), where);
            assertEquals(protectedByRule, op.getJsonObject("responses").containsKey("403"), where);
            if (protectedByRule) {
                // Optional (the empty requirement) because the API is open unless DEVICES_AUTH=jwt.
                assertEquals("[{},{\"bearerAuth\":[]}]", op.getJsonArray("security").toString(), where);
            }
        }));
    }

    @Test
    void theJsonFormIsTheYamlDocument() throws IOException {
        JsonObject json = document();
        assertEquals("3.0.3", json.getString("openapi"));
        assertEquals(1, json.getJsonObject("components").getJsonObject("schemas").getJsonObject("Device")
                .getJsonObject("properties").getJsonObject("id").getInt("example"));
        assertEquals("\"3\"", json.getJsonObject("components").getJsonObject("parameters").getJsonObject("IfMatch")
                .getString("example"));
        assertTrue(json.getJsonObject("paths").containsKey("/api/v1/device/{id}"));
    }

    static JsonObject document() throws IOException {
        String json = YamlToJson.convert(Files.readString(SOURCE));
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static JsonObject resolve(JsonObject document, JsonObject maybeRef) {
        if (!maybeRef.containsKey("$ref")) {
            return maybeRef;
        }
        String[] parts = maybeRef.getString("$ref").substring(2).split("/");
        JsonObject target = document;
        for (String part : parts) {
            target = target.getJsonObject(part);
        }
        return target;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    private static String path(String root, Class<?> resource, Method method) {
        String path = root + "/" + resource.getAnnotation(Path.class).value();
        if (method.isAnnotationPresent(Path.class)) {
            path += "/" + method.getAnnotation(Path.class).value();
        }
        return path.replaceAll("/+", "/").replaceAll("/$", "");
    }
}
