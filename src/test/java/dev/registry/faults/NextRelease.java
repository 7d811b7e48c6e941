package dev.registry.faults;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.FileAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A next release for the rolling upgrade: the packaged WAR plus one expand changeset
 * (src/test/resources/upgrade), included at the end of its changelog.
 */
final class NextRelease {

    static final String CHANGESET_ID = "900-add-device-location";
    private static final String CHANGELOG = "WEB-INF/classes/liquibase/changelog.xml";
    private static final String CHANGE = "changes/" + CHANGESET_ID + ".xml";

    private NextRelease() {
    }

    static Path build() throws IOException {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "devices.war").importFrom(new File("target/devices.war"))
                .as(WebArchive.class);
        String changelog;
        try (InputStream in = war.get(CHANGELOG).getAsset().openStream()) {
            changelog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String include = "    <include file=\"" + CHANGE + "\" relativeToChangelogFile=\"true\"/>\n";
        war.delete(CHANGELOG);
        war.add(new StringAsset(changelog.replace("</databaseChangeLog>", include + "</databaseChangeLog>")), CHANGELOG);
        war.add(new FileAsset(new File("src/test/resources/upgrade/" + CHANGESET_ID + ".xml")),
                "WEB-INF/classes/liquibase/" + CHANGE);
        Path next = Path.of("target", "faults", "devices-next.war");
        Files.createDirectories(next.getParent());
        war.as(ZipExporter.class).exportTo(next.toFile(), true);
        return next;
    }
}
