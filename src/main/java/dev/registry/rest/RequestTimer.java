package dev.registry.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Timer;

/**
 * One resource method's timer: the request filter notes when the method's request arrived, the
 * response filter (which also runs when the method ended in a problem) records the time taken.
 */
final class RequestTimer implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = RequestTimer.class.getName() + ".started";

    private final Timer timer;

    RequestTimer(Timer timer) {
        this.timer = timer;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            timer.update(Duration.ofNanos(System.nanoTime() - started));
        }
    }
}
