package dev.registry.health;

import dev.registry.migration.SchemaState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready to serve: the database answers and every changeset is applied. */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    DatabasePing ping;

    @Inject
    SchemaState schema;

    @Override
    public HealthCheckResponse call() {
        boolean migrated = schema.isUpToDate();
        boolean reachable = ping.reachable();
        return HealthCheckResponse.named("database")
                .status(migrated && reachable)
                .withData("reachable", reachable)
                .withData("schema", migrated ? "up to date" : "migration pending")
                .build();
    }
}
