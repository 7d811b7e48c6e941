package dev.registry.devices;

import static dev.registry.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Api.Reply;
import dev.registry.DeployedApi;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that ask for the full list and then read slowly, or not at all, must not take the database
 * or the memory from everybody else: the list holds a connection only while it reads a batch, and
 * waits while the client's connection is full instead of queueing the rest of the list in the heap.
 */
class SlowListReadersIT extends DeployedApi {

    /** More than either server's pool holds (16 connections, payara-config and wildfly-config). */
    private static final int STALLED_READERS = 20;
    /**
     * About 50 MB of JSON per list: far more than a socket holds, and twenty of them four times the
     * server's heap (payara-config/jvm.options), had it queued them.
     */
    private static final int ROWS = 400_000;
    /** Long enough for a server that queues what it cannot send to have read every list. */
    private static final long WATCHED_NANOS = 20_000_000_000L;

    @Test
    void stalledReadersOfTheFullListLeaveTheDatabaseToOtherRequests() throws Exception {
        String prefix = unique();
        BulkRows.insert(prefix, ROWS);
        List<Socket> readers = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED_READERS; i++) {
                readers.add(askForTheListAndStopReading(prefix));
            }
            // A request waits a second for a free connection before it gives up with a 503.
            long until = System.nanoTime() + WATCHED_NANOS;
            int checks = 0;
            do {
                Reply health = api.get("health-check/db");
                assertEquals(200, health.status(), "while " + STALLED_READERS + " list readers stall: " + health);
                Reply created = api.postJson("device/", "{\"name\":\"" + prefix + "other\"}");
                assertEquals(201, created.status(), created.toString());
                checks++;
                Thread.sleep(100);
            } while (System.nanoTime() < until);
            assertTrue(checks > 1);
            for (Socket reader : readers) {
                String status = firstLine(reader);
                assertTrue(status.startsWith("HTTP/1.1 200"), "each stalled list was answered: " + status);
            }
        } finally {
            for (Socket reader : readers) {
                reader.close();
            }
            BulkRows.delete(prefix);
        }
    }

    private Socket askForTheListAndStopReading(String prefix) throws IOException {
        var socket = new Socket(base.getHost(), base.getPort());
        socket.setReceiveBufferSize(4096);
        String target = api.api("device/?name=" + prefix).getRawPath() + "?name=" + prefix;
        socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String firstLine(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        var line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        return line.toString();
    }
}
