package dev.registry.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The seed's prefix: every endpoint lives under /api/v1. The OpenAPI document is served at /openapi. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(
        info = @Info(title = "Devices", version = "1",
                description = "Device registry: the FastAPI tutorial's API on Jakarta EE. Errors are RFC 9457 problem"
                        + " details (application/problem+json) that keep the tutorial's detail field."),
        components = @Components(
                parameters = {
                    @Parameter(name = ApiDocs.ID, in = ParameterIn.PATH, required = true,
                            description = "The device's id (a non-number is 422, a number no device has is 404)",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"), example = "1"),
                    @Parameter(name = ApiDocs.IF_MATCH, in = ParameterIn.HEADER,
                            description = "Write only if the device still has this ETag (its version); without it the"
                                    + " last write wins, as in the tutorial",
                            schema = @Schema(type = SchemaType.STRING), example = "\"3\"")},
                headers = @Header(name = ApiDocs.ETAG, description = "The device's version, as a strong entity tag",
                        schema = @Schema(type = SchemaType.STRING)),
                responses = {
                    @APIResponse(name = ApiDocs.NOT_FOUND, responseCode = "404", description = "No such device",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "missing", value = "{\"type\":\"about:blank\","
                                            + "\"title\":\"Not Found\",\"status\":404,\"detail\":\"Device not found\"}"))),
                    @APIResponse(name = ApiDocs.INVALID, responseCode = "422",
                            description = "Invalid input; errors lists each failure in FastAPI's shape, nothing was written",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                    examples = @ExampleObject(name = "missing name", value = "{\"type\":\"about:blank\","
                                            + "\"title\":\"Unprocessable Content\",\"status\":422,"
                                            + "\"detail\":\"Invalid request: name: Field required.\",\"errors\":"
                                            + "[{\"loc\":[\"body\",\"name\"],\"msg\":\"Field required\",\"type\":\"missing\"}]}"))),
                    @APIResponse(name = ApiDocs.STALE, responseCode = "412",
                            description = "If-Match named an older version; nothing was written",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                    @APIResponse(name = ApiDocs.UNSUPPORTED, responseCode = "415",
                            description = "The body is not application/json (application/merge-patch+json for PATCH)",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class))),
                    @APIResponse(name = ApiDocs.SERVER_ERROR, responseCode = "500",
                            description = "Unexpected failure; the server log has the details under the response's X-Request-Id",
                            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))}))
public class RestApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // OPTIONS answers with the Allow header only, not with Jersey's generated WADL document.
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
