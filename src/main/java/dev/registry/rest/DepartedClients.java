package dev.registry.rest;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * A client that closes its connection before the end of a {@link Streamed} response (a timeout, a
 * cancelled download of the full list) is no error of the service's: the response ends there, with a
 * line at FINE instead of two stack traces at SEVERE from the JAX-RS runtime.
 */
@Provider
@Streamed
public class DepartedClients implements WriterInterceptor {

    private static final Logger LOG = Logger.getLogger(DepartedClients.class.getName());

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        var client = new ClientOutput(context.getOutputStream());
        context.setOutputStream(client);
        try {
            context.proceed();
        } catch (IOException | RuntimeException failure) {
            if (!client.gone()) {
                throw failure;
            }
            LOG.fine(() -> "The client went away before the end of the response: " + failure);
        }
    }
}
