package dev.registry.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampSerializerTest {

    /** What JSON-B writes for an OffsetDateTime by default, and so what clients have always read. */
    private static String jsonbDefault(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    @Test
    void writesWhatTheDefaultFormatterWritesForEveryShapeOfFraction() {
        var random = new SplittableRandom(42);
        int[] scales = {1_000_000_000, 1_000_000, 1_000, 100, 10, 1};
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(-62_000_000_000L, 253_402_300_799L);
            int nanos = random.nextInt(1_000_000_000);
            int scale = scales[i % scales.length];
            var time = OffsetDateTime.ofInstant(Instant.ofEpochSecond(second, nanos / scale * scale), ZoneOffset.UTC);
            assertEquals(jsonbDefault(time), TimestampSerializer.format(time));
        }
    }

    @Test
    void edgesOfTheShortPath() {
        for (String text : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "2026-11-30T22:00:00Z",
                "2026-11-30T22:00:00.1Z", "2026-11-30T22:00:00.000001Z", "2026-11-30T22:00:00.10203Z", "-0001-06-01T00:00:00Z",
                "+10000-01-01T00:00:00Z"}) {
            var time = OffsetDateTime.parse(text);
            assertEquals(jsonbDefault(time), TimestampSerializer.format(time), text);
        }
    }

    @Test
    void aTimeInAnotherZoneIsWrittenInUtc() {
        assertEquals("2026-11-30T21:00:00.5Z", TimestampSerializer.format(OffsetDateTime.parse("2026-11-30T22:00:00.5+01:00")));
        assertEquals("2026-11-30T16:30:00.000001Z", TimestampSerializer.format(OffsetDateTime.parse("2026-11-30T22:00:00.000001+05:30")));
        assertEquals("2026-12-01T00:30:00Z", TimestampSerializer.format(OffsetDateTime.parse("2026-11-30T23:59:59.999999999-00:30").plusNanos(1)));
        assertEquals("0000-01-01T00:00:00Z", TimestampSerializer.format(OffsetDateTime.parse("0000-01-01T01:00:00+01:00")));
    }
}
