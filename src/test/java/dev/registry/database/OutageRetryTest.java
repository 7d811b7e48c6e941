package dev.registry.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutageRetryTest {

    private static final RuntimeException OUTAGE = new IllegalStateException(new SQLTransientConnectionException("pool empty"));

    @Test
    void anOutageShorterThanThePatienceIsOutlasted() {
        var attempts = new AtomicInteger();
        String read = OutageRetry.read(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw OUTAGE;
            }
            return "batch";
        }, Duration.ofSeconds(2));
        assertEquals("batch", read);
        assertEquals(3, attempts.get());
    }

    @Test
    void anOutageLongerThanThePatienceEndsWithItsLastFailure() {
        var attempts = new AtomicInteger();
        long start = System.nanoTime();
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> OutageRetry.read(() -> {
            attempts.incrementAndGet();
            throw OUTAGE;
        }, Duration.ofMillis(1600)));
        assertSame(OUTAGE, thrown);
        // Tried at once, after 0.5 s and after 1.5 s; another 2 s would exceed 1.6 s.
        assertEquals(3, attempts.get());
        long waitedMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waitedMillis >= 1500 && waitedMillis < 3000, "waited " + waitedMillis + " ms");
    }

    @Test
    void anyOtherFailureIsNotTriedAgain() {
        var attempts = new AtomicInteger();
        var bug = new IllegalArgumentException("a bug");
        assertSame(bug, assertThrows(RuntimeException.class, () -> OutageRetry.read(() -> {
            attempts.incrementAndGet();
            throw bug;
        }, Duration.ofSeconds(10))));
        assertEquals(1, attempts.get());
    }
}
