package dev.registry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Fails when the JPA entities and the schema the changesets build disagree. */
class SchemaDriftIT {

    @Test
    void theEntitiesMatchTheSchemaTheChangelogBuilds() throws Exception {
        try (SchemaDrift drift = new SchemaDrift("devices", Changelog.PATH)) {
            assertEquals(List.of(), drift.differences());
        }
    }

    @Test
    void anEntityFieldThatNoChangesetCreatesIsReported() throws Exception {
        try (SchemaDrift drift = new SchemaDrift("drift-example", Changelog.PATH)) {
            List<String> differences = drift.differences();
            assertEquals(1, differences.size(), differences.toString());
            assertTrue(differences.get(0).startsWith("column device.location is in the entities"), differences.toString());
        }
    }
}
