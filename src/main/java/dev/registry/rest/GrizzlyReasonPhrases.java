package dev.registry.rest;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.lang.reflect.Method;
import java.util.logging.Logger;

/**
 * Payara's HTTP layer (Grizzly) knows no reason phrase for 422 and writes {@code HTTP/1.1 422 CUSTOM};
 * Jakarta Servlet 6 has no way to set one per response. At deployment this registers RFC 9110's phrase
 * with Grizzly once, so every 422 reads {@code 422 Unprocessable Content}. On a server without Grizzly
 * (WildFly) there is nothing to do.
 */
@WebListener
public class GrizzlyReasonPhrases implements ServletContextListener {

    static final String GRIZZLY_STATUS = "org.glassfish.grizzly.http.util.HttpStatus";
    private static final Logger LOG = Logger.getLogger(GrizzlyReasonPhrases.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            Class<?> status = Class.forName(GRIZZLY_STATUS, true, Thread.currentThread().getContextClassLoader());
            Object known = status.getMethod("getHttpStatus", int.class).invoke(null, 422);
            if (!Problem.title(422).equals(status.getMethod("getReasonPhrase").invoke(known))) {
                Method register = status.getDeclaredMethod("register", int.class, String.class);
                register.setAccessible(true);
                register.invoke(null, 422, Problem.title(422));
            }
        } catch (ClassNotFoundException notGrizzly) {
            // WildFly (Undertow) already says 422 Unprocessable Entity.
        } catch (ReflectiveOperationException | RuntimeException changed) {
            LOG.fine(() -> "422 keeps the server's reason phrase: " + changed);
        }
    }
}
