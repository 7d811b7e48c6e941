package dev.registry.devices;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The whole collection as one JSON array, written while it is read: the seed's unbounded GET
 * /device/ without holding the table in memory, nor a database connection while the client reads.
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
        long last = after;
        List<Device> batch;
        do {
            batch = manager.batch(prefix, last);
            if (batch.isEmpty()) {
                break;
            }
            if (last != after) {
                writer.write(',');
            }
            // One JSON-B call per batch, not per device (each call sets up its own serializer).
            JSONB.toJson(batch, new ArrayElementsWriter(writer));
            last = batch.get(batch.size() - 1).getId();
        } while (batch.size() == DeviceManager.STREAM_BATCH);
        writer.write(']');
        writer.flush();
    }
}
