package dev.registry.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.registry.faults.MixedLoad.Exchange;
import dev.registry.faults.MixedLoad.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three instances, each on a host of its own (Hosts: network namespaces), behind HAProxy with the
 * shipped deploy/haproxy.cfg, under a steady mixed load: one instance stopped, one killed, and the
 * database restarted under all three. Each event prints its figures (requests sent, failed by kind,
 * the longest request, how long HAProxy took to take the instance out).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadBalancerIT {

    static final String DATABASE = "devices_lb";
    static final int INSTANCE_PORT = 4000;
    static final int CLIENTS = 6;
    static final Duration START_LIMIT = Duration.ofSeconds(240);

    static FaultCluster cluster;
    static Hosts hosts;
    static Balancer balancer;
    static final ServerProcess[] instances = new ServerProcess[4];
    static final int[] launches = new int[4];
    static final List<Long> ids = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        cluster = new FaultCluster();
        hosts = new Hosts(3);
        cluster.listenAlsoOn(Hosts.GATEWAY, Hosts.SUBNET);
        cluster.recreateDatabase(DATABASE);
        List<String> addresses = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            instances[i] = launch(i);
            addresses.add(Hosts.address(i) + ":" + INSTANCE_PORT);
        }
        long launched = System.nanoTime();
        balancer = new Balancer(4130, addresses);
        awaitReady(launched, List.of(1, 2, 3));
        for (int i = 0; i < 30; i++) {
            ids.add(Load.postJson(balancer.uri("/api/v1/device/"), "{\"name\":\"seed-" + i + "\"}").id());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (balancer != null) {
            balancer.close();
        }
        for (ServerProcess instance : instances) {
            if (instance != null) {
                instance.close();
            }
        }
        if (cluster != null) {
            cluster.listenOnLocalhostOnly();
        }
        if (hosts != null) {
            hosts.close();
        }
    }

    static ServerProcess launch(int i) throws Exception {
        return launch(i, Build.current());
    }

    /** Each launch logs to a file of its own (lb-1.log, lb-1-2.log, ...): a failure names the instance's lines. */
    static ServerProcess launch(int i, Build build) throws Exception {
        int launch = ++launches[i];
        return new ServerProcess("lb-" + i + (launch == 1 ? "" : "-" + launch), Hosts.on(i), Hosts.address(i), INSTANCE_PORT, Hosts.GATEWAY, DATABASE, Map.of(), build);
    }

    /** These instances ready, and HAProxy sending to each (it marks an instance UP after two good checks). */
    static void awaitReady(long since, List<Integer> which) throws Exception {
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (int i : which) {
            ServerProcess instance = instances[i];
            ready.add(CompletableFuture.runAsync(() -> {
                try {
                    instance.awaitReady(START_LIMIT);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<Void> each : ready) {
            each.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
        for (int i : which) {
            balancer.awaitLine("instances/instance-" + i + " is UP", since, Duration.ofSeconds(30));
        }
    }

    /** Each event starts with three instances serving: the one an earlier event stopped is started again. */
    @BeforeEach
    void threeInstancesServing() throws Exception {
        long relaunched = System.nanoTime();
        List<Integer> stopped = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            if (!instances[i].alive()) {
                instances[i].close();
                instances[i] = launch(i);
                stopped.add(i);
            }
        }
        awaitReady(relaunched, stopped);
    }

    interface Fault {
        void inflict(ServerProcess instance) throws Exception;
    }

    /**
     * The mixed load through HAProxy for 3 s, then the fault on one instance, then 4 s more after
     * HAProxy took it out; prints the event's figures and returns every exchange.
     */
    static List<Exchange> underLoad(String event, int instance, Fault fault) throws Exception {
        var load = new MixedLoad(balancer, ids, CLIENTS, event);
        Thread.sleep(3000);
        long struck = System.nanoTime();
        fault.inflict(instances[instance]);
        long down = balancer.awaitLine("instances/instance-" + instance + " is DOWN", struck, Duration.ofSeconds(15));
        Thread.sleep(4000);
        List<Exchange> all = load.stop();
        System.out.println(MixedLoad.summary(event, all) + "; HAProxy marked the instance DOWN "
                + (down - struck) / 1_000_000 + " ms after the signal");
        return all;
    }

    @Test
    @Order(1)
    void sigtermOneInstanceUnderLoadFailsNoRequest() throws Exception {
        List<Exchange> all = underLoad("sigterm", 1, instance -> {
            instance.sigterm();
            assertTrue(instance.awaitExit(Duration.ofSeconds(60)), "instance-1 did not stop");
        });
        assertNoneFailed(all.stream().filter(Exchange::failed).toList());
    }

    @Test
    @Order(2)
    void sigkillOneInstanceFailsNoReadAndLosesNoAnsweredWrite() throws Exception {
        List<Exchange> all = underLoad("sigkill", 2, ServerProcess::sigkill);

        assertNoneFailed(all.stream().filter(e -> e.kind() == Kind.GET && e.failed()).toList());
        long failedWrites = all.stream().filter(e -> e.kind() != Kind.GET && e.failed()).count();
        assertTrue(failedWrites <= CLIENTS, "more failed writes than could have been in flight: " + failedWrites);
        var stored = new HashSet<>(cluster.column(DATABASE, "SELECT id FROM device WHERE name LIKE 'sigkill-%'"));
        for (Exchange answered : all) {
            if (answered.id() != null) {
                assertTrue(stored.contains(String.valueOf(answered.id())), "answered 201 but not stored: " + answered);
            }
        }
        List<String> duplicates = cluster.column(DATABASE,
                "SELECT name FROM device WHERE name LIKE 'sigkill-%' GROUP BY name HAVING count(*) > 1");
        assertEquals(List.of(), duplicates, "a retried create made two devices");
    }

    @Test
    @Order(3)
    void everyInstanceRecoversByItselfWhenTheDatabaseRestarts() throws Exception {
        cluster.stop();
        long restarted = System.nanoTime();
        Thread.sleep(2000);
        cluster.start();
        for (int i = 1; i <= 3; i++) {
            instances[i].awaitReady(Duration.ofSeconds(60));
            System.out.println("database restart: instance-" + i + " ready again "
                    + (System.nanoTime() - restarted) / 1_000_000 + " ms after the database stopped");
        }
        long since = System.nanoTime();
        for (int i = 0; i < 30; i++) {
            Load get = Load.get(balancer.uri("/api/v1/device/" + ids.get(i)));
            assertEquals(200, get.status(), get.toString());
        }
        assertEquals(201, Load.postJson(balancer.uri("/api/v1/device/"), "{\"name\":\"after-restart\"}").status());
        assertTrue(System.nanoTime() - since < Duration.ofSeconds(30).toNanos());
    }

    /**
     * Expand, then roll: the instances are replaced one at a time by a build whose changelog adds a
     * nullable column and an index. The first new instance migrates while the old ones serve on; the
     * changeset runs once; no request fails.
     */
    @Test
    @Order(4)
    void aRollingUpgradeWithAnExpandChangesetFailsNoRequest() throws Exception {
        Build next = Build.current().deploying(NextRelease.build());
        var load = new MixedLoad(balancer, ids, CLIENTS, "upgrade");
        Thread.sleep(2000);
        long began = System.nanoTime();
        for (int i = 1; i <= 3; i++) {
            long replaced = System.nanoTime();
            instances[i].sigterm();
            assertTrue(instances[i].awaitExit(Duration.ofSeconds(60)), "instance-" + i + " did not stop");
            instances[i] = launch(i, next);
            instances[i].awaitReady(START_LIMIT);
            balancer.awaitLine("instances/instance-" + i + " is UP", replaced, Duration.ofSeconds(30));
        }
        Thread.sleep(2000);
        List<Exchange> all = load.stop();
        System.out.println(MixedLoad.summary("rolling upgrade", all) + "; three instances replaced in "
                + (System.nanoTime() - began) / 1_000_000 + " ms");
        assertNoneFailed(all.stream().filter(Exchange::failed).toList());
        assertEquals(List.of("1"), cluster.column(DATABASE,
                "SELECT count(*) FROM databasechangelog WHERE id = '" + NextRelease.CHANGESET_ID + "'"));
        assertEquals(List.of("location"), cluster.column(DATABASE,
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'device' AND column_name = 'location'"));
    }

    /** Fails with the failed exchanges and what the instances logged at SEVERE, to tell where they failed. */
    static void assertNoneFailed(List<Exchange> failed) throws IOException {
        if (failed.isEmpty()) {
            return;
        }
        StringBuilder severe = new StringBuilder();
        try (var logs = Files.list(Path.of("target", "faults"))) {
            for (Path log : logs.filter(p -> p.getFileName().toString().matches("lb-.*\\.log")).sorted().toList()) {
                Files.readString(log).lines().filter(line -> line.contains("SEVERE"))
                        .forEach(line -> severe.append('\n').append(log.getFileName()).append(": ").append(line));
            }
        }
        fail(failed.size() + " failed: " + failed + "\nThe instances' SEVERE lines:" + severe);
    }
}
