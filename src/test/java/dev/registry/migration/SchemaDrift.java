package dev.registry.migration;

import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.diff.DiffResult;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.serializer.core.xml.XMLChangeLogSerializer;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;

/**
 * Compares the schema the JPA entities want with the one the changelog builds: EclipseLink (the
 * provider Payara runs, here in Java SE mode) creates a persistence unit's tables in one scratch
 * database, Liquibase migrates another, and Liquibase's diff compares them.
 */
final class SchemaDrift implements AutoCloseable {

    /** What the entities can express; indexes are left out, as changesets may add them for speed. */
    private static final Set<Class<? extends DatabaseObject>> WHAT_ENTITIES_DECLARE = Set.of(
            Table.class, Column.class, PrimaryKey.class, ForeignKey.class, UniqueConstraint.class);

    private final ScratchDatabase entities;
    private final ScratchDatabase migrated;
    private final Connection entitiesConnection;
    private final Connection migratedConnection;

    SchemaDrift(String persistenceUnit, String changelog) throws Exception {
        entities = new ScratchDatabase("entities");
        migrated = new ScratchDatabase("migrated");
        generate(persistenceUnit, entities);
        migratedConnection = migrated.connect();
        Changelog.update(migratedConnection, changelog, message -> { });
        // Liquibase's bookkeeping is no part of the application's schema.
        migrated.execute("DROP TABLE IF EXISTS databasechangelog, databasechangeloglock");
        entitiesConnection = entities.connect();
    }

    /** Each disagreement as a sentence; empty when entities and changelog agree. */
    List<String> differences() throws Exception {
        DiffResult diff = diff();
        List<String> found = new ArrayList<>();
        diff.getMissingObjects().forEach(o -> found.add(describe(o) + " is in the entities but no changeset creates it"));
        diff.getUnexpectedObjects().forEach(o -> found.add(describe(o) + " is created by the changelog but no entity maps it"));
        for (Map.Entry<DatabaseObject, ObjectDifferences> changed : diff.getChangedObjects().entrySet()) {
            changed.getValue().getDifferences().forEach(d -> found.add(describe(changed.getKey()) + " differs in "
                    + d.getField() + ": entities " + d.getReferenceValue() + ", changelog " + d.getComparedValue()));
        }
        found.sort(null);
        return found;
    }

    /** The changesets that would turn the migrated schema into the one the entities want. */
    String changesets(String author, String idRoot) throws Exception {
        DiffToChangeLog changeLog = new DiffToChangeLog(diff(), new DiffOutputControl(false, false, false, null));
        changeLog.setChangeSetAuthor(author);
        changeLog.setIdRoot(idRoot);
        var out = new java.io.ByteArrayOutputStream();
        changeLog.print(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new XMLChangeLogSerializer());
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private DiffResult diff() throws Exception {
        DiffResult diff = liquibase.diff.DiffGeneratorFactory.getInstance()
                .compare(database(entitiesConnection), database(migratedConnection),
                        new CompareControl(new HashSet<>(WHAT_ENTITIES_DECLARE)));
        diff.getChangedObjects().forEach(SchemaDrift::dropNoise);
        return diff;
    }

    /**
     * Column order and database-side defaults mean nothing to JPA (the entity sets every value). EclipseLink's PostgreSQL platform creates every IDENTITY id
     * as SERIAL (int4) whatever the field's Java type, so an identity column's integer width is
     * judged by the changelog alone (a Long id wants bigint, and SchemaMigrationIT checks it).
     */
    private static void dropNoise(DatabaseObject object, ObjectDifferences differences) {
        differences.removeDifference("order");
        differences.removeDifference("defaultValue");
        var type = differences.getDifference("type");
        if (type != null && String.valueOf(type.getReferenceValue()).matches("(big)?serial[48]?")
                && String.valueOf(type.getComparedValue()).matches("int[48]|integer|bigint")) {
            differences.removeDifference("type");
        }
    }

    private static Database database(Connection connection) throws Exception {
        return DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
    }

    private static String describe(DatabaseObject object) {
        String type = object.getClass().getSimpleName().toLowerCase();
        if (object instanceof Column column && column.getRelation() != null) {
            return type + " " + column.getRelation().getName() + "." + column.getName();
        }
        return type + " " + object.getName();
    }

    private static void generate(String persistenceUnit, ScratchDatabase database) {
        Persistence.generateSchema(persistenceUnit, Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.driver", "org.postgresql.Driver",
                "jakarta.persistence.jdbc.url", database.url(),
                "jakarta.persistence.jdbc.user", ScratchDatabase.user(),
                "jakarta.persistence.jdbc.password", ScratchDatabase.password(),
                "jakarta.persistence.schema-generation.database.action", "create",
                "eclipselink.logging.level", "WARNING"));
    }

    @Override
    public void close() throws Exception {
        try (entities; migrated) {
            entitiesConnection.close();
            migratedConnection.close();
        }
    }
}
