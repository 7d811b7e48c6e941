package dev.registry.devices;

import dev.registry.rest.JsonBody;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Reads PUT and POST bodies, so that a body JSON-B would accept or fail on (a number for a name,
 * malformed JSON) is a 422 in FastAPI's error shape. Typed, so JAX-RS prefers it to the JSON-B reader.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class DeviceRequestReader implements MessageBodyReader<DeviceRequest> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == DeviceRequest.class;
    }

    @Override
    public DeviceRequest readFrom(Class<DeviceRequest> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) {
        return DeviceRequest.from(JsonBody.read(body));
    }
}
