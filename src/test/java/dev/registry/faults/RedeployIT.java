package dev.registry.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * In-place redeploys on Payara Server, set up with deploy/payara-server.sh as the README says: the WAR
 * redeployed 20 times under a light load. After each, one copy of the application's classes and a
 * heap that does not grow; no SEVERE in the server's log but the server's own on requests racing a
 * redeploy, and none at all at stop-domain (where the server reports a ThreadLocal an application left
 * behind); requests fail only while a redeploy runs.
 */
class RedeployIT {

    static final String DATABASE = "devices_redeploy";
    static final int REDEPLOYS = 20;
    static final String APPLICATION_CLASS = "dev.registry.devices.DeviceManager";
    /** How long full collections may take to free the previous deployment (a leaked one is never freed). */
    static final Duration SETTLE = Duration.ofSeconds(20);

    record Exchange(long start, long end, int status) {
    }

    /** A redeploy, from the command to the first 200 after it: in System.nanoTime() and in wall-clock milliseconds. */
    record Window(long start, long end, long startMillis, long endMillis) {
        boolean overlaps(Exchange exchange) {
            return exchange.start() <= end && exchange.end() >= start;
        }

        boolean holds(long millis) {
            return millis >= startMillis && millis <= endMillis;
        }
    }

    /** The server log's records: each starts with "[" and a timestamp, stack traces included. */
    static List<String> records(String log) {
        return List.of(log.split("\\n(?=\\[\\d{4}-)"));
    }

    /**
     * Payara's Catalina unloads a servlet from a request thread that finishes while undeploy marks it
     * unavailable, so the JAX-RS servlet can be destroyed twice, and Jersey's second destroy finds its
     * injection manager shut down (eclipse-ee4j/jersey#3889). It is the server's, and leaks nothing (the
     * loaders and the heap above say so); the record must name exactly that.
     */
    static boolean isDoubleDestroy(String record) {
        return record.contains("Servlet.destroy() for servlet dev.registry.rest.RestApplication threw exception")
                && record.contains("Root Cause -----\njava.lang.IllegalStateException: ServiceLocatorImpl(")
                && record.contains("org.glassfish.jersey.server.ApplicationHandler.onShutdown");
    }

    static long average(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum() / values.size();
    }

    static final Pattern REQUEST_THREAD = Pattern.compile("_ThreadName=http-thread-pool::[^\\]]*\\] \\[timeMillis: (\\d+)\\]");

    /**
     * A request the server was serving while a redeploy swapped the application under it, failing
     * inside the server (say, Catalina's listener list changing under a request,
     * ConcurrentModificationException): logged on a request thread, within a redeploy. Such requests
     * fail, as the issue allows inside the window; anything the undeploy itself logs does not pass.
     */
    static boolean isARequestInAWindow(String record, List<Window> windows) {
        var thread = REQUEST_THREAD.matcher(record);
        return thread.find() && windows.stream().anyMatch(w -> w.holds(Long.parseLong(thread.group(1))));
    }

    static FaultCluster cluster;
    static PayaraServer server;

    @BeforeAll
    static void start() throws Exception {
        cluster = new FaultCluster();
        cluster.recreateDatabase(DATABASE);
        server = new PayaraServer(Map.of("DB_HOST", "localhost", "DB_PORT", String.valueOf(FaultCluster.PORT),
                "DB_NAME", DATABASE, "DB_USER", "postgres", "DB_PASSWORD", "postgres"));
        server.start();
        Command.run(List.of("deploy/payara-server.sh"), Map.of(
                "ASADMIN", Path.of(System.getProperty("payara.server.home"), "bin/asadmin").toString(),
                "ASADMIN_OPTS", "--port " + PayaraServer.ADMIN_PORT), Path.of("."), Duration.ofMinutes(5));
        // As the README says, the domain is restarted once after the boot commands: Payara Server applies
        // some at start only, and the HTTP listener they reconfigure live sometimes stays down until then.
        server.stop();
        server.start();
        awaitServing(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static URI uri(String path) {
        return URI.create("http://localhost:" + PayaraServer.HTTP_PORT + path);
    }

    static void awaitServing(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (Load.get(uri("/api/v1/health-check/db")).status() != 200) {
            assertTrue(System.nanoTime() < deadline, "the service did not answer within " + limit);
            Thread.sleep(50);
        }
    }

    @Test
    void twentyRedeploysUnderLoadLeakNothing() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(Load.postJson(uri("/api/v1/device/"), "{\"name\":\"redeploy-seed-" + i + "\"}").id());
        }
        List<Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Thread client = new Thread(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    Load load = ThreadLocalRandom.current().nextInt(5) == 0
                            ? Load.postJson(uri("/api/v1/device/"), "{\"name\":\"redeploy-load\"}")
                            : Load.get(uri("/api/v1/device/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))));
                    exchanges.add(new Exchange(start, System.nanoTime(), load.status()));
                    try {
                        Thread.sleep(25);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "redeploy-load-" + c);
            clients.add(client);
            client.start();
        }

        var jvm = new Jcmd(server.pid());
        long deployed = jvm.collectUntil(APPLICATION_CLASS, 1, SETTLE);
        List<Window> windows = new ArrayList<>();
        List<Long> copies = new ArrayList<>();
        List<Long> heapKiB = new ArrayList<>();
        List<Long> windowMillis = new ArrayList<>();
        List<Long> settleMillis = new ArrayList<>();
        // The set-up's records stay out: the first deploy starts the web container while the listener
        // the pre-boot commands reconfigured may still be restarting, and it then logs
        // AS-WEB-GLUE-00167 (no probes on that listener until the restart in start() adds them).
        long redeploysFrom = Files.size(server.log());
        for (int i = 0; i < REDEPLOYS; i++) {
            Thread.sleep(1000);
            long start = System.nanoTime();
            long startMillis = System.currentTimeMillis();
            server.asadmin("redeploy", "--name", "devices", Path.of("target", "devices.war").toAbsolutePath().toString());
            awaitServing(Duration.ofSeconds(60));
            long end = System.nanoTime();
            windows.add(new Window(start, end, startMillis, System.currentTimeMillis()));
            windowMillis.add((end - start) / 1_000_000);
            long settling = System.nanoTime();
            copies.add(jvm.collectUntil(APPLICATION_CLASS, 1, SETTLE));
            settleMillis.add((System.nanoTime() - settling) / 1_000_000);
            heapKiB.add(jvm.heapInUseKiB());
        }
        Thread.sleep(1000);
        running.set(false);
        for (Thread client : clients) {
            client.join(30_000);
        }

        long redeployedLog = Files.size(server.log());
        server.stop();
        String log = Files.readString(server.log());

        List<Exchange> failedOutside = exchanges.stream().filter(e -> e.status() / 100 != 2)
                .filter(e -> windows.stream().noneMatch(w -> w.overlaps(e))).toList();
        long failedInside = exchanges.stream().filter(e -> e.status() / 100 != 2).count() - failedOutside.size();
        long growth = (average(heapKiB.subList(REDEPLOYS - 5, REDEPLOYS)) - average(heapKiB.subList(0, 5))) / (REDEPLOYS - 5);
        List<String> severe = records(log.substring((int) redeploysFrom, (int) redeployedLog)).stream()
                .filter(record -> record.contains("[SEVERE]")).toList();
        List<String> ours = severe.stream()
                .filter(record -> !isDoubleDestroy(record) && !isARequestInAWindow(record, windows)).toList();
        List<String> atStop = records(log.substring((int) redeployedLog)).stream()
                .filter(record -> record.contains("[SEVERE]")).toList();
        System.out.println("in-place redeploy on Payara Server: " + REDEPLOYS + " redeploys, " + exchanges.size()
                + " requests, " + failedInside + " failed while a redeploy ran, " + failedOutside.size()
                + " outside; redeploy to first 200 (ms) " + windowMillis + "; heap after a full GC (KiB) " + heapKiB
                + " (" + growth + " KiB a redeploy); loaders holding " + APPLICATION_CLASS + ": " + deployed
                + " deployed, then " + copies + " (full collections until one, ms: " + settleMillis + "); SEVERE during redeploys: " + severe.size()
                + " (the server's, on requests racing a redeploy), " + ours.size() + " other; at stop-domain: "
                + atStop.size());

        assertEquals(1, deployed, "loaders holding the application's classes once deployed");
        assertEquals(Collections.nCopies(REDEPLOYS, 1L), copies, "a previous deployment's classes are still loaded");
        // Payara Server itself keeps about 150 KiB a redeploy (measured with an index.html-only WAR); one
        // leaked deployment of this one holds megabytes.
        assertTrue(growth < 1024, "the heap grew " + growth + " KiB a redeploy: " + heapKiB);
        assertEquals(List.of(), ours, "SEVERE during the redeploys");
        assertEquals(List.of(), atStop, "SEVERE at stop-domain (a ThreadLocal or thread left behind?)");
        assertEquals(List.of(), failedOutside, "requests failed while no redeploy ran");
    }
}
