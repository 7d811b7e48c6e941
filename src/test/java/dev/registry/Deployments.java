package dev.registry;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Tests deploy the WAR that `mvn package` built, exactly as it ships. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive packagedWar() {
        File war = new File("target/devices.war");
        if (!war.isFile()) {
            throw new IllegalStateException("target/devices.war is missing: run the tests with mvn verify");
        }
        return ShrinkWrap.create(ZipImporter.class, "devices.war").importFrom(war).as(WebArchive.class);
    }
}
