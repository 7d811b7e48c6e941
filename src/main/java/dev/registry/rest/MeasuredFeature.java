package dev.registry.rest;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives each {@link Measured} resource method a {@link RequestTimer}, built once when the application
 * starts. Not MicroProfile's {@code @Timed}: that is a CDI interceptor, and on every call Payara's
 * reads the method's annotations, builds the metric's id and looks the timer up, which cost a GET
 * more CPU than the timer itself (README, Benchmarks).
 */
@Provider
public class MeasuredFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Measured measured = resource.getResourceMethod().getAnnotation(Measured.class);
        if (measured == null) {
            return;
        }
        // Not resolvable on a server without MicroProfile Metrics (beans.xml): no timers there.
        Instance<RequestTimers> timers = CDI.current().select(RequestTimers.class);
        if (timers.isResolvable()) {
            context.register(timers.get().named(measured.value()));
        }
    }
}
