package dev.registry.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Registers the {@link Measured} timers in the application's metric registry. Injected, not looked
 * up: Payara's registry producer reads its injection point. Where the server has no MicroProfile
 * Metrics (WildFly 39), beans.xml leaves this bean out and {@link MeasuredFeature} registers nothing.
 */
@ApplicationScoped
class RequestTimers {

    @Inject
    MetricRegistry registry;

    RequestTimer named(String name) {
        Metadata metadata = Metadata.builder()
                .withName(name)
                .withDescription("Requests and their latency")
                .withUnit(MetricUnits.NANOSECONDS)
                .build();
        return new RequestTimer(registry.timer(metadata));
    }
}
