package dev.registry.database;

import static dev.registry.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Api;
import dev.registry.BusyPool;
import dev.registry.DeployedApi;
import dev.registry.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * More concurrent requests than the pool has connections: the pool passes its connections from
 * request to request and opens no new ones. Payara's default pool does not: a request that finds
 * no free connection at max-pool-size, while another request frees one, closes the free ones and
 * opens as many new (its resize path, unlocked); the rate it does so at is in the README ("JDBC
 * pool"). Every new session is a PostgreSQL process forked and authenticated. The load runs long
 * enough for that race to be hit many times over, on a loaded machine too.
 */
class PooledConnectionsIT extends DeployedApi {

    /** Twice the server's request threads (32 on both: RequestThreadsIT). */
    private static final int CLIENTS = 64;
    private static final Duration LOADED = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void sixtyFourClientsAreServedByTheSameSixteenConnections() throws Exception {
        URI device = api.api("device/" + Api.id(api.createDevice(unique())));
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try (Connection watcher = TestDatabase.connect()) {
            // WildFly's pool grows to its maximum first (Payara's holds it from the start): those sessions are not churn.
            Map<Integer, Long> warming = load(clients, device, () -> serverSessions(watcher) >= BusyPool.CONNECTIONS,
                    Duration.ofSeconds(30));
            assertEquals(BusyPool.CONNECTIONS, serverSessions(watcher), "the pool grew to its maximum: " + warming);
            Timestamp since = databaseNow(watcher);

            Map<Integer, Long> statuses = load(clients, device, () -> false, LOADED);

            assertEquals(List.of(200), List.copyOf(statuses.keySet()), "every GET answered 200: " + statuses);
            assertTrue(statuses.get(200) > CLIENTS, "the clients kept the server busy: " + statuses);
            assertEquals(0, sessionsOpenedSince(watcher, since),
                    "PostgreSQL sessions opened during " + statuses.get(200) + " GETs by " + CLIENTS + " clients");
            assertEquals(BusyPool.CONNECTIONS, serverSessions(watcher), "sessions the pool holds");
        } finally {
            clients.shutdownNow();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "the clients stopped");
        }
    }

    /** GETs from every client until {@code done} or {@code limit}; how many were answered with each status. */
    private Map<Integer, Long> load(ExecutorService clients, URI device, BooleanSupplier done, Duration limit)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        var stop = new AtomicBoolean();
        List<Future<List<Integer>>> runs = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            runs.add(clients.submit(() -> {
                List<Integer> answered = new ArrayList<>();
                while (!stop.get() && System.nanoTime() < deadline) {
                    answered.add(http.send(HttpRequest.newBuilder(device).timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode());
                }
                return answered;
            }));
        }
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        stop.set(true);
        List<Integer> all = new ArrayList<>();
        for (var run : runs) {
            all.addAll(run.get(60, TimeUnit.SECONDS));
        }
        return all.stream().collect(Collectors.groupingBy(status -> status, TreeMap::new, Collectors.counting()));
    }

    /** The server's sessions: every client backend on this database but the watcher's own. */
    private static int serverSessions(Connection watcher) {
        return sessionsOpenedSince(watcher, new Timestamp(0));
    }

    private static int sessionsOpenedSince(Connection watcher, Timestamp since) {
        try (var query = watcher.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND backend_type = 'client backend' AND pid <> pg_backend_pid() AND backend_start > ?")) {
            query.setTimestamp(1, since);
            try (var result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException failed) {
            throw new IllegalStateException(failed);
        }
    }

    private static Timestamp databaseNow(Connection watcher) throws SQLException {
        try (var now = watcher.prepareStatement("SELECT clock_timestamp()"); var result = now.executeQuery()) {
            result.next();
            return result.getTimestamp(1);
        }
    }
}
