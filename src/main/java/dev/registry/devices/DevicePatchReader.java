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

/** Reads PATCH bodies (JSON merge patches) with the same JSON rules as PUT and POST. */
@Provider
@Consumes(DevicePatch.MEDIA_TYPE)
public class DevicePatchReader implements MessageBodyReader<DevicePatch> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type == DevicePatch.class;
    }

    @Override
    public DevicePatch readFrom(Class<DevicePatch> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, String> headers, InputStream body) {
        return DevicePatch.from(JsonBody.read(body));
    }
}
