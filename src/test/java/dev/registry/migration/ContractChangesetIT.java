package dev.registry.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The migration a deployment runs applies expand changesets and leaves those marked context="contract". */
class ContractChangesetIT {

    @Test
    void deploymentLeavesContractChangesetsForTheOperator() throws Exception {
        try (ScratchDatabase database = new ScratchDatabase("contract"); Connection connection = database.connect()) {
            Changelog.update(connection, "liquibase-contract/changelog.xml", message -> { });
            List<String> columns = new ArrayList<>();
            try (var rows = connection.createStatement().executeQuery(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'gadget' ORDER BY column_name")) {
                while (rows.next()) {
                    columns.add(rows.getString(1));
                }
            }
            assertEquals(List.of("id", "new_name", "old_name"), columns);
        }
    }
}
