package dev.registry.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Instances starting together, a server killed while migrating, and SIGTERM. */
class StartupIT {

    static FaultCluster cluster;

    @BeforeAll
    static void cluster() throws Exception {
        cluster = new FaultCluster();
    }

    @Test
    void twoServersStartingTogetherOnAnEmptyDatabaseBothBecomeReadyAndEachChangesetRunsOnce() throws Exception {
        cluster.recreateDatabase("devices_twins");
        try (ServerProcess first = new ServerProcess("twin-a", 4112, "devices_twins");
             ServerProcess second = new ServerProcess("twin-b", 4113, "devices_twins")) {
            CompletableFuture<Void> a = CompletableFuture.runAsync(() -> ready(first));
            CompletableFuture<Void> b = CompletableFuture.runAsync(() -> ready(second));
            a.get(180, TimeUnit.SECONDS);
            b.get(180, TimeUnit.SECONDS);

            List<String> runs = cluster.column("devices_twins",
                    "SELECT id || ':' || count(*) FROM databasechangelog GROUP BY id ORDER BY id");
            assertEquals(List.of("001-create-device-table:1", "002-add-version-and-timestamps:1", "003-add-name-prefix-index:1",
                    "004-create-idempotent-create-table:1"), runs);
            assertEquals(201, Load.postJson(first.uri("/api/v1/device/"), "{\"name\":\"a\"}").status());
            assertEquals(200, Load.get(second.uri("/api/v1/device/")).status());
        }
    }

    @Test
    void aServerKilledWhileHoldingTheMigrationLockDoesNotBlockTheNextStart() throws Exception {
        cluster.recreateDatabase("devices_killed");
        Process holder = new ProcessBuilder("java", "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), cluster.url("devices_killed")).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("LOCKED")) {
                // Liquibase's own start-up chatter
            }
            assertTrue(line != null, "the lock holder never took the lock");
        }
        holder.destroyForcibly();
        holder.waitFor(10, TimeUnit.SECONDS);

        try (ServerProcess server = new ServerProcess("after-kill", 4114, "devices_killed")) {
            long started = System.nanoTime();
            server.awaitReady(Duration.ofSeconds(90));
            System.out.printf("stale lock: ready %d ms after start, the killed holder's lock did not block it%n",
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    @Test
    void sigtermLetsTheRequestInFlightFinishAndThenRefusesNewOnes() throws Exception {
        cluster.recreateDatabase("devices_sigterm");
        try (ServerProcess server = new ServerProcess("sigterm", 4115, "devices_sigterm")) {
            server.awaitReady(Duration.ofSeconds(120));
            cluster.execute("devices_sigterm", "INSERT INTO device (name) SELECT 'bulk-' || g FROM generate_series(1, 300000) g");

            CompletableFuture<Load> inFlight = CompletableFuture.supplyAsync(() -> Load.get(server.uri("/api/v1/device/")));
            Thread.sleep(300);
            server.sigterm();

            Load list = inFlight.get(60, TimeUnit.SECONDS);
            assertEquals(200, list.status(), list.toString().substring(0, Math.min(200, list.toString().length())));
            assertTrue(list.body().endsWith("}]"), "the in-flight list was cut off");
            assertTrue(server.awaitExit(Duration.ofSeconds(60)), "the server did not stop after SIGTERM");
            Load after = Load.send(HttpRequest.newBuilder(server.uri("/api/v1/device/")).GET());
            assertEquals(-1, after.status(), "a request after shutdown was served: " + after);
        }
    }

    @Test
    void aServerStartedBeforeItsDatabaseIsNotReadyThenMigratesAndBecomesReadyOnItsOwn() throws Exception {
        cluster.recreateDatabase("devices_early");
        cluster.stop();
        try (ServerProcess server = new ServerProcess("early", 4116, "devices_early")) {
            server.awaitStatus("/health/ready", 503, Duration.ofSeconds(120));
            // 0.5 s, 1 s, 2 s, 4 s apart: it backs off rather than hammering the database.
            server.awaitLogLines("Database unreachable", 5, Duration.ofSeconds(60));
            List<Long> delays = server.logText().lines().filter(line -> line.contains("Database unreachable"))
                    .map(line -> Long.parseLong(line.replaceAll(".*next in (\\d+) ms.*", "$1"))).toList();
            assertEquals(List.of(500L, 1000L, 2000L, 4000L), delays.subList(0, 4));
            assertEquals(503, server.get("/health/ready").statusCode());

            cluster.start();
            long back = System.nanoTime();
            server.awaitReady(Duration.ofSeconds(60));
            System.out.printf("started before its database: ready %d ms after the database came back%n",
                    (System.nanoTime() - back) / 1_000_000);
            assertEquals(List.of("001-create-device-table", "002-add-version-and-timestamps", "003-add-name-prefix-index",
                    "004-create-idempotent-create-table"),
                    cluster.column("devices_early", "SELECT id FROM databasechangelog ORDER BY orderexecuted"));
            assertEquals(201, Load.postJson(server.uri("/api/v1/device/"), "{\"name\":\"early\"}").status());
        } finally {
            cluster.start();
        }
    }

    @Test
    void aDatabaseThatRefusesTheServersSettingsFailsTheDeploymentInsteadOfBeingAwaited() throws Exception {
        cluster.execute("postgres", "DROP DATABASE IF EXISTS devices_absent");
        try (ServerProcess server = new ServerProcess("misconfigured", 4117, "devices_absent")) {
            server.awaitLogLines("Database refused the connection (SQLState 3D000)", 1, Duration.ofSeconds(120));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!server.deploymentFailed() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertTrue(server.deploymentFailed(), "the deployment did not fail");
            assertTrue(server.logText().lines().noneMatch(line -> line.contains("Database unreachable")),
                    "a missing database was awaited like an outage");
            assertEquals(503, server.get("/health/ready").statusCode());
        }
    }

    private static void ready(ServerProcess server) {
        try {
            server.awaitReady(Duration.ofSeconds(180));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
