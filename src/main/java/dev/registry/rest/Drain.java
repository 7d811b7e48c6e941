package dev.registry.rest;

import jakarta.servlet.ServletContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The requests in flight, and whether the application is stopping. One per deployment, kept in the
 * servlet context by {@link DrainOnUndeploy} and read by {@link DrainingFilter} and the readiness check.
 */
public final class Drain {

    static final Duration LONGEST = Duration.ofSeconds(20);

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();

    /** The deployment's drain. */
    public static Drain of(ServletContext context) {
        return (Drain) context.getAttribute(DrainOnUndeploy.ATTRIBUTE);
    }

    /** The server was asked to stop: still serving (the server's shutdown grace), but no longer ready. */
    void announceStop() {
        stopping.set(true);
    }

    /** True from the stop request on: a load balancer's readiness check must send traffic elsewhere. */
    public boolean isStopping() {
        return stopping.get() || draining.get();
    }

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
