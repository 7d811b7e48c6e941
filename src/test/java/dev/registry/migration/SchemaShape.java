package dev.registry.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a changeset can leave in the public schema (tables, columns with type, nullability,
 * default and identity, constraints, indexes, sequences, views), as comparable lines. Liquibase's
 * own bookkeeping tables are left out.
 */
final class SchemaShape {

    private static final String OWN = " NOT LIKE 'databasechangelog%'";

    private static final List<String> QUERIES = List.of(
            "SELECT 'table ' || table_name || ' ' || table_type FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_name" + OWN,
            "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || '('"
                    + " || coalesce(character_maximum_length::text, '') || ') nullable=' || is_nullable"
                    + " || ' default=' || coalesce(column_default, '') || ' identity=' || is_identity"
                    + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name" + OWN,
            "SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)"
                    + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                    + " AND conrelid::regclass::text" + OWN,
            "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename" + OWN,
            "SELECT 'sequence ' || sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'",
            "SELECT 'routine ' || routine_name FROM information_schema.routines WHERE routine_schema = 'public'");

    private SchemaShape() {
    }

    static List<String> of(Connection connection) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            for (String query : QUERIES) {
                try (ResultSet rows = statement.executeQuery(query)) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
            }
        }
        lines.sort(null);
        return lines;
    }
}
