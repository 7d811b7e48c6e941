package dev.registry.migration;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate command, run on a copy of liquibase/ so the real changelog is never touched. */
class ChangesetGeneratorIT {

    @TempDir
    Path liquibase;

    @Test
    void aFieldAddedToAnEntityBecomesAnAddColumnChangesetIncludedInTheMaster() throws Exception {
        copyOfTheChangelog();

        Path written = ChangesetGenerator.generate("drift-example", "add-location", liquibase);

        assertTrue(written.getFileName().toString().matches("\\d{3}-add-location\\.xml"), written.toString());
        String changeset = Files.readString(written);
        assertTrue(changeset.contains("<addColumn tableName=\"device\">"), changeset);
        assertTrue(changeset.contains("name=\"location\" type=\"VARCHAR(200)\""), changeset);
        String master = Files.readString(liquibase.resolve("changelog.xml"));
        assertTrue(master.contains("<include file=\"changes/" + written.getFileName() + "\""), master);
        assertTrue(master.trim().endsWith("</databaseChangeLog>"), master);
    }

    @Test
    void nothingIsWrittenWhenTheEntitiesAndTheChangelogAgree() throws Exception {
        copyOfTheChangelog();
        String before = Files.readString(liquibase.resolve("changelog.xml"));

        assertNull(ChangesetGenerator.generate("devices", "nothing", liquibase));
        assertTrue(before.equals(Files.readString(liquibase.resolve("changelog.xml"))));
    }

    private void copyOfTheChangelog() throws Exception {
        Path source = Path.of("liquibase");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = liquibase.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
