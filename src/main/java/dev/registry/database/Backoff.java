package dev.registry.database;

import java.time.Duration;

/** Delays between attempts to reach the database: 0.5 s, doubling, never more than 5 s apart. */
final class Backoff {

    static final Duration FIRST = Duration.ofMillis(500);
    static final Duration LONGEST = Duration.ofSeconds(5);

    private Duration next = FIRST;

    Duration next() {
        Duration delay = next;
        next = delay.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : delay.multipliedBy(2);
        return delay;
    }
}
