package dev.registry.devices;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The whole collection as one JSON array, written while it is read: the seed's unbounded GET
 * /device/ without holding the table in memory.
 */
final class DeviceListing implements StreamingOutput {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final DeviceManager manager;
    private final String prefix;
    private final long after;

    DeviceListing(DeviceManager manager, String prefix, long after) {
        this.manager = manager;
        this.prefix = prefix;
        this.after = after;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        var writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 16 * 1024);
        writer.write('[');
        boolean[] first = {true};
        manager.forEachBatch(prefix, after, batch -> {
            try {
                if (!first[0]) {
                    writer.write(',');
                }
                first[0] = false;
                // One JSON-B call per batch, not per device (each call sets up its own serializer).
                JSONB.toJson(batch, new ArrayElementsWriter(writer));
            } catch (IOException clientGone) {
                throw new UncheckedIOException(clientGone);
            }
        });
        writer.write(']');
        writer.flush();
    }
}
