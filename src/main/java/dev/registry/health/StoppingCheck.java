package dev.registry.health;

import dev.registry.rest.ShutdownSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready from the moment the server is asked to stop, so a load balancer stops sending requests first. */
@Readiness
@ApplicationScoped
public class StoppingCheck implements HealthCheck {

    @Inject
    ShutdownSignal signal;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("serving").status(!signal.asked()).build();
    }
}
