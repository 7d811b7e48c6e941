package dev.registry.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.registry.Deployments;
import java.io.File;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /docs with access control on, in Debian's headless Chromium (src/test/browser/docs-page.mjs): the
 * page's request is refused until its Authorize button is given a reader's token from Keycloak.
 */
@Tag("auth")
@ExtendWith(ArquillianExtension.class)
class DocsAuthorizeIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @ArquillianResource
    URL base;

    @Test
    void theDocsPageAuthorizeButtonTakesAToken() throws Exception {
        String site = base.toString().replaceAll("/$", "");
        Path log = Path.of("target", "docs-page-auth-" + System.getProperty("arquillian.launch") + ".log");
        Process browser = new ProcessBuilder("node", "docs-page.mjs", site,
                new File("target/docs-page-auth.png").getAbsolutePath(), IdentityProvider.token("devices-reader"))
                .directory(new File("src/test/browser")).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!browser.waitFor(120, TimeUnit.SECONDS)) {
            browser.destroyForcibly().waitFor();
        }
        assertEquals(0, browser.exitValue(), Files.readString(log));
    }
}
