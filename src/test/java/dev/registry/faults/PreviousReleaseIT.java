package dev.registry.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.migration.Changelog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Backward compatibility of the schema: the previous release (the commit before the last one that
 * changed liquibase/changes, built from a clean export of it) serves the tutorial's contract on a
 * database this checkout's changelog migrated, as it must during a rolling upgrade. A changeset that
 * drops or renames what it uses fails this (and ExpandOnlyChangesetsTest says what to do instead).
 */
class PreviousReleaseIT {

    static final Path CHECKOUT = Path.of("target", "previous-release");
    static final String DATABASE = "devices_previous";

    @Test
    void thePreviousReleaseServesTheContractOnTheMigratedSchema() throws Exception {
        String release = git("rev-parse", git("log", "-n", "1", "--format=%H", "--", "liquibase/changes") + "^");
        Build previous = build(release);

        var cluster = new FaultCluster();
        cluster.recreateDatabase(DATABASE);
        try (Connection connection = DriverManager.getConnection(cluster.url(DATABASE), "postgres", "")) {
            Changelog.update(connection, Changelog.PATH, message -> { });
        }
        try (ServerProcess server = new ServerProcess("previous-release", List.of(), "localhost", 4131, "localhost",
                DATABASE, Map.of(), previous)) {
            server.awaitReady(Duration.ofSeconds(180));
            Load health = Load.get(server.uri("/api/v1/health-check/db"));
            assertEquals("{\"status\":\"ok\",\"db\":\"reachable\"}", health.body());
            Load created = Load.postJson(server.uri("/api/v1/device/"), "{\"name\":\"from-the-previous-release\"}");
            assertEquals(201, created.status(), "the previous release (" + release + ") cannot create devices on the schema"
                    + " this checkout migrates: a changeset since then must only expand; contract later (README,"
                    + " \"Upgrade without downtime\"). It answered " + created);
            long id = created.id();
            assertTrue(Load.get(server.uri("/api/v1/device/")).body().contains("\"id\":" + id + ","));
            assertEquals(200, Load.get(server.uri("/api/v1/device/" + id)).status());
            Load renamed = Load.putJson(server.uri("/api/v1/device/" + id), "{\"name\":\"renamed\"}");
            assertTrue(renamed.body().startsWith("{\"id\":" + id + ",\"name\":\"renamed\""), renamed.toString());
            assertEquals("{\"ok\":true}", Load.send(java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/device/" + id))
                    .DELETE()).body());
            Load gone = Load.get(server.uri("/api/v1/device/" + id));
            assertEquals(404, gone.status());
            assertTrue(gone.body().contains("\"detail\":\"Device not found\""), gone.toString());
        }
    }

    /** A clean export of {@code release}, packaged once (kept under target/ for the next run). */
    static Build build(String release) throws Exception {
        Path marker = CHECKOUT.resolve(".release");
        if (!Files.exists(marker) || !Files.readString(marker).equals(release)) {
            Command.run(Duration.ofSeconds(60), "rm", "-rf", CHECKOUT.toString());
            Files.createDirectories(CHECKOUT);
            Command.run(Duration.ofSeconds(60), "sh", "-c", "git archive " + release + " | tar -x -C " + CHECKOUT);
            Command.run(List.of("mvn", "-B", "-q", "package", "-Dmaven.test.skip=true"), Map.of(), CHECKOUT, Duration.ofMinutes(10));
            Files.writeString(marker, release);
        }
        return Build.in(CHECKOUT);
    }

    static String git(String... arguments) throws Exception {
        var command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        return Command.run(command, Map.of(), Path.of("."), Duration.ofSeconds(30)).strip();
    }
}
