package dev.registry.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Large lists for the tests of the full list: rows named prefix1..prefixN, in id order, written straight to the database. */
final class BulkRows {

    private BulkRows() {
    }

    static void insert(String prefix, int count) throws SQLException {
        try (Connection db = TestDatabase.connect();
                PreparedStatement rows = db.prepareStatement(
                        "INSERT INTO device (name) SELECT ? || g FROM generate_series(1, ?) g")) {
            rows.setString(1, prefix);
            rows.setInt(2, count);
            assertEquals(count, rows.executeUpdate());
        }
        try (Connection db = TestDatabase.connect(); var statement = db.createStatement()) {
            // As autovacuum would soon: with the statistics of an emptier table PostgreSQL reads every
            // row of the prefix for each batch, and the lists would crawl instead of filling sockets.
            statement.execute("ANALYZE device");
        }
    }

    static void delete(String prefix) throws SQLException {
        try (Connection db = TestDatabase.connect();
                PreparedStatement rows = db.prepareStatement("DELETE FROM device WHERE name LIKE ?")) {
            rows.setString(1, prefix + "%");
            rows.executeUpdate();
        }
        try (Connection db = TestDatabase.connect(); var statement = db.createStatement()) {
            // CI's PostgreSQL runs without autovacuum: the deleted rows would stay in the table and its
            // index, and the next list test's batches would wade through them, holding connections
            // until other requests gave up waiting (with 1.2 million of them, SlowListReadersIT's
            // health checks answered 503).
            statement.execute("VACUUM (ANALYZE) device");
        }
    }
}
