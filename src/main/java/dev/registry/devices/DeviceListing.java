package dev.registry.devices;

import dev.registry.database.DatabaseOutage;
import dev.registry.database.OutageRetry;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * The whole collection as one JSON array, written while it is read: the seed's unbounded GET
 * /device/ without holding the table in memory, nor a database connection while the client reads.
 * The first batch is read before anything is written, so that a database out of reach is still the
 * usual 503; a later batch waits for it a while, as the 200 has been sent.
 */
final class DeviceListing implements StreamingOutput {

    /**
     * How long a list already under way waits for the database (a pool emptied by a burst, a
     * restart) before it ends short: its 200 has been sent, so it cannot become a 503 any more.
     */
    static final Duration PATIENCE = Duration.ofSeconds(10);

    /** Room for a batch of devices with long names, so that the buffer seldom grows by copying. */
    private static final int BATCH_BYTES = DeviceManager.STREAM_BATCH * 256;

    private static final Logger LOG = Logger.getLogger(DeviceListing.class.getName());

    private final DeviceManager manager;
    private final String prefix;
    private final long after;
    private final String requestId;

    DeviceListing(DeviceManager manager, String prefix, long after, String requestId) {
        this.manager = manager;
        this.prefix = prefix;
        this.after = after;
        this.requestId = requestId;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        List<Device> batch = manager.batch(prefix, after);
        // Each batch is encoded into memory, then sent: the batch's objects can go while its bytes wait
        // for the client, so a collection finds one array per list in flight, not a graph per row.
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(BATCH_BYTES);
        // Flushed, never closed: closing would check the array is complete, which a list ended short is not.
        JsonGenerator generator = DeviceGenerator.over(encoded);
        generator.writeStartArray();
        long written = 0;
        while (!batch.isEmpty()) {
            batch.forEach(device -> DeviceGenerator.write(device, generator));
            generator.flush();
            written += batch.size();
            boolean more = batch.size() == DeviceManager.STREAM_BATCH;
            long last = batch.get(batch.size() - 1).getId();
            batch = List.of();
            encoded.writeTo(output);
            encoded.reset();
            if (!more) {
                break;
            }
            long asked = System.nanoTime();
            try {
                batch = OutageRetry.read(() -> manager.batch(prefix, last), PATIENCE);
            } catch (RuntimeException failure) {
                if (!DatabaseOutage.isCause(failure)) {
                    throw failure;
                }
                // Without its closing bracket the body is no JSON, so no client takes it for the whole list.
                output.flush();
                endedShort(written, asked, failure);
                return;
            }
        }
        generator.writeEnd();
        generator.flush();
        encoded.writeTo(output);
        output.flush();
    }

    private void endedShort(long sent, long asked, RuntimeException failure) {
        long waited = (System.nanoTime() - asked) / 1_000_000;
        String state = DatabaseOutage.sqlState(failure);
        LOG.warning(() -> "The full list ended short, without its closing bracket, after " + sent + " devices: the"
                + " database stayed out of reach for " + waited + " ms" + (state.equals("none") ? "" : " (SQLState "
                + state + ")") + " [X-Request-Id " + requestId + "]");
    }
}
