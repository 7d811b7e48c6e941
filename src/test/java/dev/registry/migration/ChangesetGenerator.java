package dev.registry.migration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The `alembic revision --autogenerate` of this project:
 * {@code mvn test-compile exec:java@changeset -Dchangeset=add-location} writes the changesets that
 * bring the migrated schema to what the JPA entities want into liquibase/changes/NNN-NAME.xml and
 * includes that file at the end of liquibase/changelog.xml, for a developer to review.
 */
public final class ChangesetGenerator {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern NUMBERED = Pattern.compile("(\\d{3})-.*\\.xml");
    private static final String END = "</databaseChangeLog>";

    private ChangesetGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !NAME.matcher(args[0]).matches()) {
            System.err.println("usage: mvn test-compile exec:java@changeset -Dchangeset=NAME"
                    + "   (NAME: lower-case words joined by '-', e.g. add-location)");
            System.exit(2);
        }
        Path written = generate("devices", args[0], Path.of("liquibase"));
        System.out.println(written == null
                ? "The entities and the changelog agree: nothing to generate."
                : "Wrote " + written + " and included it in liquibase/changelog.xml."
                        + " Review it and its rollback, then run mvn verify (drift and rollback checks).");
    }

    /** Returns the file written, or null when the entities and the changelog already agree. */
    static Path generate(String persistenceUnit, String name, Path liquibaseDirectory) throws Exception {
        try (SchemaDrift drift = new SchemaDrift(persistenceUnit, Changelog.PATH)) {
            if (drift.differences().isEmpty()) {
                return null;
            }
            Path changes = liquibaseDirectory.resolve("changes");
            String id = String.format("%03d-%s", nextNumber(changes), name);
            Path file = changes.resolve(id + ".xml");
            Files.writeString(file, drift.changesets("generated", id), StandardCharsets.UTF_8);
            include(liquibaseDirectory.resolve("changelog.xml"), "changes/" + file.getFileName());
            return file;
        }
    }

    private static int nextNumber(Path changes) throws IOException {
        try (Stream<Path> files = Files.list(changes)) {
            return files.map(f -> NUMBERED.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1)))
                    .max().orElse(0) + 1;
        }
    }

    private static void include(Path changelog, String file) throws IOException {
        String master = Files.readString(changelog, StandardCharsets.UTF_8);
        int end = master.lastIndexOf(END);
        if (end < 0) {
            throw new IllegalStateException(changelog + " has no " + END);
        }
        String include = "    <include file=\"" + file + "\" relativeToChangelogFile=\"true\"/>\n";
        Files.writeString(changelog, master.substring(0, end) + include + master.substring(end), StandardCharsets.UTF_8);
    }
}
