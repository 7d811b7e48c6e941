package dev.registry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.registry.database.DatabaseOutage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the startup migration does with a changeset that fails: names it, keeps nothing of it, unlocks. */
class MigrationFailureIT {

    @Test
    void aFailingChangesetIsNamedAndLeavesNoPartialChangeBehind() throws Exception {
        try (ScratchDatabase database = new ScratchDatabase("failure"); Connection connection = database.connect()) {
            IllegalStateException failure = assertThrows(IllegalStateException.class,
                    () -> Changelog.update(connection, "liquibase-failing/changelog.xml", message -> { }));

            assertTrue(failure.getMessage().contains("2-fails-half-way"), failure.getMessage());
            assertFalse(DatabaseOutage.isWorthWaiting(failure), "a failing changeset was taken for an outage: the server would retry it forever");
            assertEquals(List.of("databasechangelog", "first_table"), tables(connection));
            assertEquals(List.of("1-works"), column(connection, "SELECT id FROM databasechangelog"));
            // Liquibase's lock is a session advisory lock (liquibase-sessionlock), released with the failure.
            assertEquals(List.of("0"), column(connection, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"));
        }
    }

    @Test
    void anUpToDateSchemaIsReportedAsSuch() throws Exception {
        try (ScratchDatabase database = new ScratchDatabase("uptodate"); Connection connection = database.connect()) {
            Changelog.update(connection, Changelog.PATH, message -> { });
            List<String> messages = new ArrayList<>();

            Changelog.update(connection, Changelog.PATH, messages::add);

            assertEquals(1, messages.size(), messages.toString());
            assertTrue(messages.get(0).contains("up to date"), messages.toString());
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        return column(connection, "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = 'public' ORDER BY table_name");
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
