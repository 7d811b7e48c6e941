package dev.registry.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Deployments;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside the server: a burst of clients is served by a bounded number of request threads, so a
 * burst costs queued requests, not a thread stack and its buffers per client. Payara's thread pool
 * is sized before the listener starts (pre-boot-commands.asadmin); set after boot, the setting is
 * written but the running pool keeps Payara Micro's default of 200. WildFly's default is 16 a core,
 * the same 32 on a 2-core machine: there the test cannot tell devices.cli's setting from the default.
 */
@Tag("arquillian")
@ExtendWith(ArquillianExtension.class)
class RequestThreadsIT {

    /** http-thread-pool's maximum in payara-config/pre-boot-commands.asadmin; task-max-threads in wildfly-config/devices.cli. */
    static final int REQUEST_THREADS = 32;
    private static final int CLIENTS = 4 * REQUEST_THREADS;

    @Deployment
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void aBurstOfClientsIsServedByAtMostThirtyTwoRequestThreads() throws Exception {
        String root = base.toString().endsWith("/") ? base.toString() : base + "/";
        URI list = URI.create(root + "api/v1/device/?limit=100");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        List<Future<Integer>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                runs.add(clients.submit(() -> {
                    int answered = 0;
                    while (System.nanoTime() < deadline) {
                        int status = http.send(HttpRequest.newBuilder(list).timeout(Duration.ofSeconds(30)).build(),
                                HttpResponse.BodyHandlers.discarding()).statusCode();
                        // A request that waited a second for a database connection is a 503: still served.
                        assertTrue(status == 200 || status == 503, "answered " + status);
                        answered += status == 200 ? 1 : 0;
                    }
                    return answered;
                }));
            }
            int most = 0;
            while (System.nanoTime() < deadline) {
                most = Math.max(most, requestThreads());
                Thread.sleep(50);
            }
            int answered = 0;
            for (var run : runs) {
                answered += run.get(60, TimeUnit.SECONDS);
            }
            assertTrue(answered > CLIENTS, "the clients kept the server busy: " + answered + " answers");
            // Four clients a thread fill the pool: fewer found means the names no longer match.
            assertTrue(most > REQUEST_THREADS / 2, "request threads found by name: " + most);
            assertTrue(most <= REQUEST_THREADS, most + " request threads served " + CLIENTS + " clients");
        } finally {
            clients.shutdownNow();
            clients.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /** Live request threads: Payara's HTTP listener's pool, WildFly's (Undertow's) default worker. */
    private static int requestThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("http-thread-pool") || name.startsWith("default task-")).count();
    }
}
