package dev.registry.database;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Tries an idempotent read again while the database is out of reach (no pooled connection free in
 * time, the database restarting), with {@link Backoff}'s delays, for as long as the caller can wait.
 * For work already under way that a failure would cut short; a new request answers 503 instead.
 */
public final class OutageRetry {

    private OutageRetry() {
    }

    /** The read's result, or its last failure once another delay would take longer than {@code patience}. */
    public static <T> T read(Supplier<T> read, Duration patience) {
        long start = System.nanoTime();
        Backoff backoff = new Backoff();
        while (true) {
            try {
                return read.get();
            } catch (RuntimeException failure) {
                Duration delay = backoff.next();
                Duration waited = Duration.ofNanos(System.nanoTime() - start);
                if (!DatabaseOutage.isCause(failure) || waited.plus(delay).compareTo(patience) > 0) {
                    throw failure;
                }
                sleep(delay, failure);
            }
        }
    }

    private static void sleep(Duration delay, RuntimeException failure) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
