package dev.registry.rest;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * GET /openapi: the API's OpenAPI document, written by hand in {@code openapi/openapi.yaml}, in YAML
 * or JSON (see {@link OpenApiFormat}). Served by the WAR rather than by the server's MicroProfile
 * OpenAPI (switched off in payara-config and wildfly-config), so that Payara and WildFly answer the
 * same bytes with the same headers.
 */
@WebServlet(OpenApiServlet.PATH)
public class OpenApiServlet extends HttpServlet {

    static final String PATH = "/openapi";
    static final String DOCUMENT = "openapi/openapi.yaml";

    private transient byte[] yaml;
    private transient byte[] json;

    @Override
    public void init() throws ServletException {
        try (InputStream in = OpenApiServlet.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new ServletException(DOCUMENT + " is missing from the WAR");
            }
            yaml = in.readAllBytes();
        } catch (IOException unreadable) {
            throw new ServletException(unreadable);
        }
        json = YamlToJson.convert(new String(yaml, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<OpenApiFormat> format = OpenApiFormat.choose(request.getParameter("format"), request.getHeader("Accept"));
        response.setHeader("Vary", "Accept");
        if (format.isEmpty()) {
            ErrorPageServlet.write(response, Problem.of(406,
                    "The OpenAPI document is served as application/yaml or application/json (?format=json)."));
            return;
        }
        byte[] body = format.get() == OpenApiFormat.JSON ? json : yaml;
        response.setContentType(format.get().mediaType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
