package dev.registry.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The run command's server with no access settings warns once that writes are open; asked for
 * bearer tokens without saying whose, it refuses to deploy and says why, and nothing is served open.
 */
class AccessSettingsStartupIT {

    static FaultCluster cluster;

    @BeforeAll
    static void cluster() throws Exception {
        cluster = new FaultCluster();
        cluster.recreateDatabase("devices_access");
    }

    @Test
    void withoutDevicesAuthTheServiceStartsOpenAndWarnsOnce() throws Exception {
        try (ServerProcess server = new ServerProcess("access-off", 4121, "devices_access")) {
            server.awaitReady(Duration.ofSeconds(180));
            assertEquals(200, server.get("/api/v1/device/").statusCode());
            String warning = "WARNING: Access control is off (DEVICES_AUTH is not set): anyone who reaches this service can"
                    + " create, change and delete devices.";
            assertEquals(1, server.logText().lines().filter(line -> line.startsWith(warning)).count(), server.log.toString());
        }
    }

    @Test
    void devicesAuthJwtWithoutAnIssuerStopsTheDeploymentWithTheReason() throws Exception {
        var settings = Map.of("DEVICES_AUTH", "jwt", "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "http://127.0.0.1:9/certs");
        try (ServerProcess server = new ServerProcess("access-no-issuer", 4122, "devices_access", settings)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (!server.deploymentFailed() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(server.deploymentFailed(), "the deployment did not fail; see " + server.log);
            assertTrue(server.logText().contains("InvalidAccessSettings: DEVICES_AUTH=jwt needs MP_JWT_VERIFY_ISSUER: the"
                    + " identity provider's issuer (the tokens' iss claim)."), "no reason given; see " + server.log);
            // Payara Micro answers for the application it could not deploy with an error of its own.
            int status = server.get("/api/v1/device/").statusCode();
            assertTrue(status >= 400, "the device API answered " + status);
        }
    }
}
