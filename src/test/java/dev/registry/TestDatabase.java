package dev.registry;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The database the server under test uses (DB_* from the failsafe run, with the tests' defaults). */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Connection connect() throws SQLException {
        String url = "jdbc:postgresql://" + env("DB_HOST", "localhost") + ":" + env("DB_PORT", "5432") + "/"
                + env("DB_NAME", "devices_test");
        return DriverManager.getConnection(url, env("DB_USER", "postgres"), env("DB_PASSWORD", "postgres"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
