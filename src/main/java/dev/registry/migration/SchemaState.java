package dev.registry.migration;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether the changelog is fully applied. Kept apart from the startup singleton so that health
 * checks, which the server may run while that singleton is still initialising, never call into it.
 */
@ApplicationScoped
public class SchemaState {

    private volatile boolean upToDate;

    public boolean isUpToDate() {
        return upToDate;
    }

    void migrated() {
        upToDate = true;
    }
}
