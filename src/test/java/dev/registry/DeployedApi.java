package dev.registry;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the black-box tests: the packaged WAR deployed as it ships, called over HTTP like any
 * client. Tagged "arquillian", so they run on Payara Micro and again on WildFly (the failsafe runs in
 * pom.xml). Not named *Test, so that surefire leaves it alone.
 */
@Tag("arquillian")
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedApi {

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.packagedWar();
    }

    @ArquillianResource
    protected URL base;

    protected Api api;

    /** The deployment last seen serving, by its address (URL.equals would resolve host names): each is checked by its first test. */
    private static String serving;

    @BeforeEach
    protected void client() {
        api = new Api(base);
        if (!base.toString().equals(serving)) {
            // A WAR that fails to deploy leaves Payara Micro up and its Arquillian adapter going on: each
            // test would fail on the server's own 403s and 404s, far from the cause.
            assertNotEquals(404, api.get("health-check/db").status(), "devices.war is not deployed at " + base
                    + ": the server's log, in this class's test report (.ci/failed-test-logs), says why");
            serving = base.toString();
        }
    }
}
