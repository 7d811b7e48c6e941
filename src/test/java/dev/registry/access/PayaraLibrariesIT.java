package dev.registry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.JarInputStream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Payara loads its own Nimbus JOSE+JWT before the WAR's copy, so the version the tests run on WildFly
 * (the WAR's) must be the one Payara runs, or the two servers check tokens with different code.
 */
class PayaraLibrariesIT {

    @Test
    void theWarBundlesTheNimbusVersionPayaraShips() throws IOException {
        String payara;
        // The server jar the build made from Payara Micro (failsafe names it) carries Payara's libraries.
        try (ZipFile micro = new ZipFile(System.getProperty("server.jar"));
             InputStream nimbus = micro.getInputStream(micro.getEntry("MICRO-INF/runtime/nimbus-jose-jwt.jar"));
             JarInputStream jar = new JarInputStream(nimbus)) {
            payara = jar.getManifest().getMainAttributes().getValue("Implementation-Version");
        }
        String war;
        try (ZipFile archive = new ZipFile("target/devices.war")) {
            war = archive.stream().map(entry -> entry.getName())
                    .filter(name -> name.startsWith("WEB-INF/lib/nimbus-jose-jwt-"))
                    .map(name -> name.substring("WEB-INF/lib/nimbus-jose-jwt-".length(), name.length() - ".jar".length()))
                    .findFirst().orElseThrow();
        }
        assertEquals(payara, war, "set nimbus-jose-jwt.version in pom.xml to the version Payara ships");
    }
}
