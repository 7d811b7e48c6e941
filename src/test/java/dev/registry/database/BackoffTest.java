package dev.registry.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesFromHalfASecondAndNeverWaitsMoreThanFive() {
        Backoff backoff = new Backoff();
        List<Long> delays = Stream.generate(backoff::next).limit(7).map(d -> d.toMillis()).toList();
        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 5000L, 5000L, 5000L), delays);
    }
}
