package dev.registry.rest;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests in flight, and whether the application is stopping. One per deployment, kept in the
 * servlet context by {@link DrainOnUndeploy} and read by {@link DrainingFilter}.
 */
final class Drain {

    static final Duration LONGEST = Duration.ofSeconds(20);

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    /** False once stopping: the request must be refused. */
    boolean enter() {
        // Counted before the check, so stop() cannot miss a request let in while it starts waiting.
        inFlight.incrementAndGet();
        if (draining.get()) {
            inFlight.decrementAndGet();
            return false;
        }
        return true;
    }

    void leave() {
        inFlight.decrementAndGet();
    }

    /** Refuses new requests and waits, at most {@code limit}, for those in flight. Returns how many are left. */
    int stop(Duration limit) throws InterruptedException {
        draining.set(true);
        long deadline = System.nanoTime() + limit.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return inFlight.get();
    }
}
