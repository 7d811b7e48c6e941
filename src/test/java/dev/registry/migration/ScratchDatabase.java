package dev.registry.migration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * A throwaway database on the PostgreSQL the DB_* variables name (the seed's defaults otherwise),
 * dropped on close. Used by the migration tests and the changeset generator.
 */
public final class ScratchDatabase implements AutoCloseable {

    private static final String HOST = env("DB_HOST", "localhost");
    private static final String PORT = env("DB_PORT", "5432");
    private static final String USER = env("DB_USER", "postgres");
    private static final String PASSWORD = env("DB_PASSWORD", "postgres");

    private final String name;

    public ScratchDatabase(String purpose) throws SQLException {
        this.name = "scratch_" + purpose + "_" + UUID.randomUUID().toString().substring(0, 8);
        admin("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    }

    public String name() {
        return name;
    }

    public String url() {
        return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), credentials());
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void admin(String sql) throws SQLException {
        String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, credentials());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Properties credentials() {
        Properties properties = new Properties();
        properties.setProperty("user", USER);
        properties.setProperty("password", PASSWORD);
        return properties;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
