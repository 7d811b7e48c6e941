package dev.registry.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The full list's JSON is what JSON-B writes for the same devices, which is what GET by id and pages answer. */
class DeviceGeneratorTest {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private static String generated(List<Device> devices) {
        var bytes = new ByteArrayOutputStream();
        var generator = DeviceGenerator.over(bytes);
        generator.writeStartArray();
        devices.forEach(device -> DeviceGenerator.write(device, generator));
        generator.writeEnd();
        generator.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesWhatJsonbWritesForAnyName() {
        var random = new SplittableRandom(7);
        String[] pieces = {"a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u0000", "\u001f", "\u007f", "é", "€", "\u2028",
                "\ud83d\ude80", "<", "&", "'", "]", "}"};
        var devices = new ArrayList<Device>();
        for (int i = 0; i < 2_000; i++) {
            var name = new StringBuilder();
            for (int length = random.nextInt(40); length > 0; length--) {
                name.append(pieces[random.nextInt(pieces.length)]);
            }
            var created = OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L),
                    random.nextInt(1_000_000) * 1_000), ZoneOffset.UTC);
            devices.add(Device.of(new Object[] {random.nextLong(1, Long.MAX_VALUE), name.toString(),
                    random.nextLong(1, 1_000_000), created, created.plusNanos(random.nextLong(1_000_000_000_000L))}));
        }
        assertEquals(JSONB.toJson(devices), generated(devices));
    }

    @Test
    void leavesOutWhatIsMissingLikeJsonb() {
        var devices = List.of(new Device("new"), Device.of(new Object[] {1L, "x", 1L, null, null}));
        assertEquals(JSONB.toJson(devices), generated(devices));
    }

    @Test
    void anEmptyListIsAnEmptyArray() {
        assertEquals("[]", generated(List.of()));
    }
}
