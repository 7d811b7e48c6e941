package dev.registry.rest;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/** Whether the server was asked to stop: from then on the application is no longer ready. */
@ApplicationScoped
public class ShutdownSignal {

    private final AtomicBoolean asked = new AtomicBoolean();

    void ask() {
        asked.set(true);
    }

    public boolean asked() {
        return asked.get();
    }
}
