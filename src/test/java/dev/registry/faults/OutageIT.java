package dev.registry.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.BusyPool;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One server on the fault cluster, in a zone other than UTC: timestamps, concurrency, body limits and
 * a burst first, then a real database outage (the cluster is stopped and started again), then what
 * the server logged through it all.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutageIT {

    static final String DATABASE = "devices_outage";
    /** +05:30: no whole hour either. */
    static final String ZONE = "Asia/Kolkata";
    static FaultCluster cluster;
    static ServerProcess server;

    @BeforeAll
    static void start() throws Exception {
        cluster = new FaultCluster();
        cluster.recreateDatabase(DATABASE);
        // A host's zone need not be UTC (a container's TZ): the timestamps must not follow it.
        server = new ServerProcess("outage", 4101, DATABASE, Map.of("TZ", ZONE));
        server.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (cluster != null) {
            cluster.start();
        }
    }

    static URI api(String path) {
        return server.uri("/api/v1/" + path);
    }

    @Test
    @Order(0)
    void aServerOutsideUtcAnswersTheTimesItReadsInUtcAsItWroteThem() throws Exception {
        Load created = Load.postJson(api("device/"), "{\"name\":\"zoned\"}");
        var createdAt = Pattern.compile("\"created_at\":\"[^\"]+Z\"").matcher(created.body());
        assertTrue(createdAt.find(), "created in UTC: " + created);
        try {
            for (URI uri : List.of(api("device/" + created.id()), api("device/?name=zoned&limit=5"), api("device/?name=zoned"))) {
                Load read = Load.get(uri);
                assertEquals(200, read.status(), read.toString());
                assertTrue(read.body().contains(createdAt.group()), uri + " answered " + read + " to a server in " + ZONE);
            }
        } finally {
            cluster.execute(DATABASE, "DELETE FROM device WHERE name = 'zoned'");
        }
    }

    @Test
    @Order(1)
    void twoHundredCreatesFromSixteenClientsGiveTwoHundredDistinctRows() throws Exception {
        int before = cluster.column(DATABASE, "SELECT count(*) FROM device").stream().mapToInt(Integer::parseInt).sum();
        List<Load> creates = inParallel(16, 200, i -> Load.postJson(api("device/"), "{\"name\":\"parallel-" + i + "\"}"));

        Set<Long> ids = new HashSet<>();
        for (Load create : creates) {
            assertEquals(201, create.status(), create.toString());
            ids.add(create.id());
        }
        assertEquals(200, ids.size());
        assertEquals(List.of(String.valueOf(before + 200)), cluster.column(DATABASE, "SELECT count(*) FROM device"));
    }

    @Test
    @Order(2)
    void concurrentUpdatesOfOneDeviceLeaveOneOfTheWrittenValues() throws Exception {
        long id = Load.postJson(api("device/"), "{\"name\":\"contested\"}").id();
        List<Load> updates = inParallel(16, 160, i -> Load.putJson(api("device/" + id), "{\"name\":\"writer-" + i + "\"}"));

        updates.forEach(u -> assertEquals(200, u.status(), u.toString()));
        String finalName = cluster.column(DATABASE, "SELECT name FROM device WHERE id = " + id).get(0);
        assertTrue(finalName.matches("writer-\\d+"), finalName);
        assertEquals(List.of("161"), cluster.column(DATABASE, "SELECT version FROM device WHERE id = " + id));
    }

    @Test
    @Order(3)
    void aBodyOver64KibIs413WhetherDeclaredOrChunkedAndOneJustUnderIsAccepted() {
        String padding = " ".repeat(70 * 1024);
        Load declared = Load.postJson(api("device/"), "{\"name\":\"big\"" + padding + "}");
        assertEquals(413, declared.status(), declared.toString());
        assertTrue(declared.header("Content-Type").startsWith("application/problem+json"));

        byte[] chunked = ("{\"name\":\"big\"" + padding + "}").getBytes();
        Load streamed = Load.send(HttpRequest.newBuilder(api("device/")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked))));
        assertEquals(413, streamed.status(), streamed.toString());

        Load justUnder = Load.postJson(api("device/"), "{\"name\":\"fits\"" + " ".repeat(60 * 1024) + "}");
        assertEquals(201, justUnder.status(), justUnder.toString());
    }

    @Test
    @Order(4)
    void aBurstOfFourTimesThePoolIsAnsweredAndTheServerIsHealthyRightAfter() throws Exception {
        int clients = 4 * 16;
        List<Load> burst = inParallel(clients, clients * 10, i -> i % 5 == 0
                ? Load.postJson(api("device/"), "{\"name\":\"burst-" + i + "\"}")
                : Load.get(api("device/?limit=200")));

        long slowest = burst.stream().mapToLong(Load::millis).max().orElseThrow();
        long refused = burst.stream().filter(l -> l.status() == 503).count();
        for (Load load : burst) {
            assertTrue(load.status() == 200 || load.status() == 201 || load.status() == 503, load.toString());
        }
        assertEquals(200, Load.get(server.uri("/health/ready")).status());
        System.out.printf("burst: %d requests from %d clients, %d answered 503, slowest %d ms, heap after %s%n",
                burst.size(), clients, refused, slowest, heapUsed());
    }

    /**
     * Twenty clients ask for a list of about 25 MB each and read none of it: the server sends what the
     * sockets take and then waits, so its heap holds what it held before and other requests are served.
     * (Grizzly, under Payara, queued the rest of each list in the heap instead, unless the launch
     * definition makes its output blocking: twenty such clients took this 256 MiB heap to an
     * OutOfMemoryError.)
     */
    @Test
    @Order(5)
    void stalledReadersOfLargeListsNeitherFillTheHeapNorStopOtherRequests() throws Exception {
        cluster.execute(DATABASE, "INSERT INTO device (name) SELECT 'stalled-' || g FROM generate_series(1, 200000) g");
        cluster.execute(DATABASE, "ANALYZE device");
        var jvm = new Jcmd(server.pid());
        jvm.run("GC.run");
        long before = jvm.heapInUseKiB();
        List<java.net.Socket> readers = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                var reader = new java.net.Socket();
                reader.setReceiveBufferSize(4096);
                reader.connect(new java.net.InetSocketAddress(server.host, server.port));
                reader.getOutputStream().write(("GET /api/v1/device/?name=stalled- HTTP/1.1\r\nHost: " + server.host
                        + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                readers.add(reader);
            }
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < until) {
                Load health = Load.get(api("health-check/db"));
                assertEquals(200, health.status(), "while 20 list readers stall: " + health);
                Thread.sleep(200);
            }
            jvm.run("GC.run");
            long grownMiB = (jvm.heapInUseKiB() - before) / 1024;
            System.out.printf("20 stalled list readers: heap in use grew by %d MiB%n", grownMiB);
            assertTrue(grownMiB < 40, "the heap grew by " + grownMiB + " MiB while 20 clients read nothing");
        } finally {
            for (var reader : readers) {
                reader.close();
            }
            cluster.execute(DATABASE, "DELETE FROM device WHERE name LIKE 'stalled-%'");
        }
    }

    @Test
    @Order(6)
    void aListThePoolLeavesWaitingLongerThanItsPatienceEndsShortAndSaysSo() throws Exception {
        cluster.execute(DATABASE, "INSERT INTO device (name) SELECT 'short-' || g FROM generate_series(1, 200000) g");
        cluster.execute(DATABASE, "ANALYZE device");
        long locked = Load.postJson(api("device/"), "{\"name\":\"locked\"}").id();
        var http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            var list = http.send(HttpRequest.newBuilder(api("device/?name=short-")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, list.statusCode());
            Thread.sleep(2_000);
            String body;
            try (var pool = new BusyPool(() -> DriverManager.getConnection(cluster.url(DATABASE), "postgres", ""),
                    locked, () -> Load.putJson(api("device/" + locked), "{\"name\":\"renamed\"}").status())) {
                var reading = CompletableFuture.supplyAsync(() -> {
                    try (var in = list.body()) {
                        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                });
                // The pool stays busy until the list has ended: within its patience (DeviceListing.PATIENCE,
                // 10 s) it must give up, not hang.
                body = reading.get(30, TimeUnit.SECONDS);
                pool.release();
            }
            System.out.printf("a list left without a connection ended after %d bytes%n", body.length());
            assertFalse(body.endsWith("]"), "the list ended short without its closing bracket");
            assertTrue(body.startsWith("[{"), "the list was under way: " + body.substring(0, Math.min(100, body.length())));
            assertTrue(server.logText().contains("The full list ended short"), "the server said so in its log");
        } finally {
            cluster.execute(DATABASE, "DELETE FROM device WHERE name LIKE 'short-%'");
        }
    }

    @Test
    @Order(7)
    void anOutageIsAnsweredWith503WithinTwoSecondsAndHealsWithoutLosingAcknowledgedWrites() throws Exception {
        Set<Long> acknowledged = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<Load> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> writes = writer.submit(() -> {
            for (int i = 0; writing.get(); i++) {
                Load create = Load.postJson(api("device/"), "{\"name\":\"during-outage-" + i + "\"}");
                if (create.status() == 201) {
                    acknowledged.add(create.id());
                } else if (create.status() != 503) {
                    unexpected.add(create);
                }
            }
        });
        Thread.sleep(1000);

        cluster.stop();
        long stopped = System.nanoTime();
        Long firstUnavailable = null;
        long longest = 0;
        List<Load> during = new ArrayList<>();
        while (System.nanoTime() - stopped < 5_000_000_000L) {
            for (URI uri : List.of(api("device/1"), api("device/?limit=5"), api("health-check/db"), server.uri("/health/ready"))) {
                Load load = Load.get(uri);
                longest = Math.max(longest, load.millis());
                assertTrue(load.millis() < 2000, uri + " took " + load);
                if (load.status() == 503 && firstUnavailable == null) {
                    firstUnavailable = (System.nanoTime() - stopped) / 1_000_000;
                }
                during.add(load);
            }
        }
        Load post = Load.postJson(api("device/"), "{\"name\":\"refused\"}");
        during.add(post);
        for (Load load : during.subList(during.size() - 5, during.size())) {
            assertEquals(503, load.status(), load.toString());
            assertTrue(load.header("Content-Type").startsWith("application/"), load.toString());
        }
        Load api503 = during.get(during.size() - 1);
        assertTrue(api503.header("Content-Type").startsWith("application/problem+json"));
        assertNotNull(api503.header("Retry-After"));

        cluster.start();
        long restarted = System.nanoTime();
        long recovered = -1;
        while (System.nanoTime() - restarted < 15_000_000_000L) {
            if (Load.get(api("device/?limit=1")).status() == 200 && Load.get(server.uri("/health/ready")).status() == 200) {
                recovered = (System.nanoTime() - restarted) / 1_000_000;
                break;
            }
            Thread.sleep(100);
        }
        Thread.sleep(500);
        writing.set(false);
        writes.get(30, TimeUnit.SECONDS);
        writer.shutdown();

        assertTrue(recovered >= 0 && recovered <= 10_000, "recovered after " + recovered + " ms");
        assertTrue(unexpected.isEmpty(), "writes answered neither 201 nor 503: " + unexpected);
        Set<String> stored = new HashSet<>(cluster.column(DATABASE, "SELECT id FROM device"));
        long lost = acknowledged.stream().filter(id -> !stored.contains(String.valueOf(id))).count();
        System.out.printf("outage: first 503 after %d ms, longest request %d ms, recovered %d ms after the restart,"
                + " %d writes acknowledged, %d lost%n", firstUnavailable, longest, recovered, acknowledged.size(), lost);
        assertNotNull(firstUnavailable);
        assertEquals(0, lost);
    }

    @Test
    @Order(8)
    void theLogAtTheDefaultLevelShowsNoPasswordStackTraceSqlOrClassName() throws Exception {
        String log = server.logText();
        String afterBoot = log.substring(Math.max(0, log.indexOf("Payara Micro URLs")));
        for (Pattern leak : List.of(Pattern.compile("(?i)password"), Pattern.compile("\\n\\s+at [a-z]"),
                Pattern.compile("\\b(SELECT|INSERT INTO|UPDATE device|DELETE FROM)\\b"),
                Pattern.compile("\\b[a-z]+\\.[a-z]+\\.[A-Za-z.]*(Exception|Error)\\b"))) {
            var found = leak.matcher(afterBoot);
            assertFalse(found.find(), () -> "the log shows " + leak + ": ..."
                    + afterBoot.substring(Math.max(0, found.start() - 300), Math.min(afterBoot.length(), found.end() + 300)));
        }
        assertFalse(log.toLowerCase().contains("password=postgres"));
    }

    private static String heapUsed() {
        var matcher = Pattern.compile("(?m)^memory_usedHeap_bytes\\{[^}]*} ([0-9.E]+)").matcher(Load.get(server.uri("/metrics?scope=base")).body());
        return matcher.find() ? (long) Double.parseDouble(matcher.group(1)) / 1048576 + " MiB" : "unknown";
    }

    interface Call {
        Load call(int i);
    }

    private static List<Load> inParallel(int clients, int requests, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Load>> futures = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                futures.add(pool.submit(() -> call.call(n)));
            }
            List<Load> loads = new ArrayList<>();
            for (Future<Load> future : futures) {
                loads.add(future.get(120, TimeUnit.SECONDS));
            }
            return loads;
        } finally {
            pool.shutdownNow();
        }
    }
}
