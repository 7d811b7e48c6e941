package dev.registry.rest;

import static dev.registry.rest.OpenApiFormat.JSON;
import static dev.registry.rest.OpenApiFormat.YAML;
import static dev.registry.rest.OpenApiFormat.YAML_AS_TEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** MicroProfile OpenAPI's rules: YAML by default, JSON on Accept or ?format=json. */
class OpenApiFormatTest {

    @Test
    void yamlUnlessTheClientPrefersJson() {
        assertEquals(Optional.of(YAML), OpenApiFormat.choose(null, null));
        assertEquals(Optional.of(YAML), OpenApiFormat.choose(null, "*/*"));
        assertEquals(Optional.of(YAML), OpenApiFormat.choose(null, "application/yaml"));
        assertEquals(Optional.of(YAML), OpenApiFormat.choose(null, "application/*"));
        assertEquals(Optional.of(JSON), OpenApiFormat.choose(null, "application/json"));
        assertEquals(Optional.of(JSON), OpenApiFormat.choose(null, "application/json, */*"));
        assertEquals(Optional.of(JSON), OpenApiFormat.choose(null, "Application/JSON;charset=utf-8"));
        assertEquals(Optional.of(YAML), OpenApiFormat.choose(null, "application/json;q=0.5, application/yaml"));
        assertEquals(Optional.of(JSON), OpenApiFormat.choose(null, "application/yaml;q=0.2, application/json;q=0.9"));
        assertEquals(Optional.of(YAML_AS_TEXT), OpenApiFormat.choose(null, "text/plain"));
    }

    @Test
    void theFormatParameterWinsOverAccept() {
        assertEquals(Optional.of(JSON), OpenApiFormat.choose("json", "application/yaml"));
        assertEquals(Optional.of(JSON), OpenApiFormat.choose("JSON", null));
        assertEquals(Optional.of(YAML), OpenApiFormat.choose("yaml", "application/json"));
    }

    @Test
    void whatCannotBeServedIsRefused() {
        assertEquals(Optional.empty(), OpenApiFormat.choose(null, "text/html"));
        assertEquals(Optional.empty(), OpenApiFormat.choose(null, "application/json;q=0, application/yaml;q=0"));
        assertEquals(Optional.empty(), OpenApiFormat.choose("xml", null));
    }
}
