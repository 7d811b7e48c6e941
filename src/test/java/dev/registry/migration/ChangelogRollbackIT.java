package dev.registry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.changelog.ChangeSet;
import org.junit.jupiter.api.Test;

/**
 * Liquibase's update-testing-rollback, made strict: on a scratch database every changeset is applied
 * one at a time, then rolled back one at a time in reverse, and after each rollback the schema must
 * be exactly what it was before that changeset; finally everything is applied again.
 */
class ChangelogRollbackIT {

    @Test
    void everyChangesetRollsBackToExactlyTheSchemaBeforeIt() throws Exception {
        try (ScratchDatabase database = new ScratchDatabase("rollback"); Connection connection = database.connect()) {
            List<ChangeSet> changesets = new ArrayList<>();
            Changelog.run(connection, Changelog.PATH, liquibase -> changesets.addAll(
                    liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression())));
            assertFalse(changesets.isEmpty());

            List<List<String>> shapes = new ArrayList<>(List.of(SchemaShape.of(connection)));
            for (int i = 0; i < changesets.size(); i++) {
                Changelog.run(connection, Changelog.PATH, liquibase -> liquibase.update(1, new Contexts(), new LabelExpression()));
                shapes.add(SchemaShape.of(connection));
            }
            for (int i = changesets.size() - 1; i >= 0; i--) {
                Changelog.run(connection, Changelog.PATH, liquibase -> liquibase.rollback(1, new Contexts(), new LabelExpression()));
                assertEquals(shapes.get(i), SchemaShape.of(connection),
                        "rolling back " + changesets.get(i) + " did not restore the schema before it");
            }
            Changelog.update(connection, Changelog.PATH, message -> { });
            assertEquals(shapes.get(changesets.size()), SchemaShape.of(connection), "re-applying the changelog");
        }
    }
}
