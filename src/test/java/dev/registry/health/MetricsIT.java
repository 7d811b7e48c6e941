package dev.registry.health;

import static dev.registry.Api.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.Api.Reply;
import dev.registry.DeployedApi;
import dev.registry.TestDatabase;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** /metrics on the application port: request counts and times, and the JDBC pool. */
class MetricsIT extends DeployedApi {

    /**
     * The server's /metrics, on the application port, counts the API's requests and their time. What
     * it names them is the server's: per endpoint on Payara (the resources' @Measured timers), per
     * deployment and servlet on WildFly 39 (no MicroProfile Metrics there); pom.xml names them per run.
     */
    @Test
    void metricsCountRequestsAndTheirTime() {
        api.get("device/1");
        double before = metric(property("metrics.requests"));

        for (int i = 0; i < 3; i++) {
            api.createDevice("measured");
        }

        assertTrue(metric(property("metrics.requests")) >= before + 3, property("metrics.requests") + " did not count 3 creates");
        assertTrue(metric(property("metrics.time")) > 0, property("metrics.time"));
        for (String name : property("metrics.names").split(",")) {
            metric(name);
        }
    }

    @Test
    void metricsShowTheJdbcPoolInUse() throws Exception {
        String device = "device/" + id(api.createDevice("locked"));
        try (Connection direct = TestDatabase.connect()) {
            direct.setAutoCommit(false);
            try (Statement lock = direct.createStatement()) {
                lock.execute("LOCK TABLE device IN ACCESS EXCLUSIVE MODE");
            }
            ExecutorService clients = Executors.newFixedThreadPool(6);
            List<Future<Reply>> blocked = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                blocked.add(clients.submit(() -> api.get(device)));
            }
            // Payara's gauge comes from its connection-pool health check, which samples every 5 s.
            double used = 0;
            for (int i = 0; i < 40 && used < 6; i++) {
                Thread.sleep(250);
                used = metric(property("metrics.pool.used"));
            }
            assertEquals(6, used, "connections in use while 6 requests wait on a lock");
            direct.rollback();
            for (Future<Reply> request : blocked) {
                assertEquals(200, request.get(30, TimeUnit.SECONDS).status());
            }
            clients.shutdown();
        }
        double used = 6;
        for (int i = 0; i < 40 && used > 0; i++) {
            Thread.sleep(250);
            used = metric(property("metrics.pool.used"));
        }
        assertEquals(0, used, "connections still in use after the requests finished");
        assertTrue(metric(property("metrics.pool.free")) > 0);
    }

    /** A value from /metrics, by name and, optionally, labels it must carry: {@code name{label="x"}}. */
    private double metric(String selector) {
        int brace = selector.indexOf('{');
        String name = brace < 0 ? selector : selector.substring(0, brace);
        String labels = brace < 0 ? "" : selector.substring(brace + 1, selector.length() - 1);
        String metrics = api.send(HttpRequest.newBuilder(api.site("/metrics")).header("Accept", "text/plain").GET()).body();
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} ([0-9.E+-]+)").matcher(metrics);
        while (line.find()) {
            if (line.group(1).contains(labels)) {
                return Double.parseDouble(line.group(2));
            }
        }
        throw new AssertionError(selector + " missing from /metrics");
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: pom.xml sets it for each server's run");
        }
        return value;
    }
}
