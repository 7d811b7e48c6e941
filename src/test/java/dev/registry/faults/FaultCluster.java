package dev.registry.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A throwaway PostgreSQL cluster of the fault tests' own (Debian's pg_createcluster, port 5433),
 * which they stop and start to inject outages. Trust authentication, like CI's main cluster.
 */
final class FaultCluster {

    static final int PORT = 5433;
    private static final String NAME = "faults";

    private final String version;

    FaultCluster() throws Exception {
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(p -> p.getFileName().toString()).max(String::compareTo).orElseThrow();
        }
        if (!Files.isDirectory(Path.of("/etc/postgresql", version, NAME))) {
            run("pg_createcluster", version, NAME, "--port", String.valueOf(PORT), "--",
                    "--auth-local=trust", "--auth-host=trust");
        }
        start();
    }

    void start() throws Exception {
        if (answers()) {
            return;
        }
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, NAME, "start");
        for (int i = 0; i < 100 && !answers(); i++) {
            Thread.sleep(100);
        }
    }

    /** Stops it the way a crash or a restart looks to clients: connections are cut. */
    void stop() throws Exception {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, NAME, "stop", "-m", "fast");
    }

    /** Also answers the hosts on {@code subnet} at {@code address} (Hosts), with trust like the rest. */
    void listenAlsoOn(String address, String subnet) throws Exception {
        Path hba = Path.of("/etc/postgresql", version, NAME, "pg_hba.conf");
        String line = "host all all " + subnet + " trust";
        if (!Files.readString(hba).contains(line)) {
            Files.writeString(hba, "\n" + line + "\n", java.nio.file.StandardOpenOption.APPEND);
        }
        execute("postgres", "ALTER SYSTEM SET listen_addresses = 'localhost," + address + "'");
        stop();
        start();
    }

    /** Back to localhost alone, so that a later start does not look for the hosts' bridge. */
    void listenOnLocalhostOnly() throws Exception {
        execute("postgres", "ALTER SYSTEM RESET listen_addresses");
        stop();
        start();
    }

    String url(String database) {
        return "jdbc:postgresql://localhost:" + PORT + "/" + database;
    }

    void recreateDatabase(String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        }
    }

    void execute(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(database), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    List<String> column(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(database), "postgres", "");
             Statement statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
            var values = new java.util.ArrayList<String>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    private boolean answers() {
        try (Connection ignored = DriverManager.getConnection(url("postgres"), "postgres", "")) {
            return true;
        } catch (SQLException notYet) {
            return false;
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Command.run(Duration.ofSeconds(60), command);
    }
}
