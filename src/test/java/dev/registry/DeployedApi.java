package dev.registry;

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

    @BeforeEach
    protected void client() {
        api = new Api(base);
    }
}
