package dev.registry.faults;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * HAProxy (Debian's package) with the shipped configuration, deploy/haproxy.cfg, in front of the
 * instances. Its state changes ("Server instances/instance-2 is DOWN") are kept with the time they
 * were printed.
 */
final class Balancer implements AutoCloseable {

    record Line(long nanos, String text) {
    }

    final int port;
    private final Process process;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    Balancer(int port, List<String> instances) throws IOException {
        this.port = port;
        var builder = new ProcessBuilder("haproxy", "-db", "-f", "deploy/haproxy.cfg").redirectErrorStream(true);
        builder.environment().put("DEVICES_LISTEN", "127.0.0.1:" + port);
        for (int i = 0; i < instances.size(); i++) {
            builder.environment().put("DEVICES_" + (i + 1), instances.get(i));
        }
        process = builder.start();
        Path log = Path.of("target", "faults", "haproxy.log");
        Files.createDirectories(log.getParent());
        Thread reader = new Thread(() -> {
            try (var out = new BufferedReader(new InputStreamReader(process.getInputStream()));
                 var file = Files.newBufferedWriter(log)) {
                String text;
                while ((text = out.readLine()) != null) {
                    lines.add(new Line(System.nanoTime(), text));
                    file.write(text);
                    file.newLine();
                    file.flush();
                }
            } catch (IOException ended) {
                // HAProxy stopped
            }
        }, "haproxy-log");
        reader.setDaemon(true);
        reader.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** When HAProxy printed a line containing {@code text} after {@code sinceNanos}, waiting up to {@code limit}. */
    long awaitLine(String text, long sinceNanos, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            for (Line line : lines) {
                if (line.nanos() >= sinceNanos && line.text().contains(text)) {
                    return line.nanos();
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("HAProxy exited; see target/faults/haproxy.log");
            }
            Thread.sleep(20);
        }
        throw new AssertionError("HAProxy never printed '" + text + "' within " + limit + "; see target/faults/haproxy.log");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
