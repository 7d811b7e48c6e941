package dev.registry.rest;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * On SIGTERM the server undeploys the application, and Payara Micro would cut the requests in
 * flight: the undeployment waits, up to {@link Drain#LONGEST}, for them to complete, while
 * {@link DrainingFilter} turns new ones away.
 */
@WebListener
public class DrainOnUndeploy implements ServletContextListener {

    static final String ATTRIBUTE = Drain.class.getName();
    private static final Logger LOG = Logger.getLogger(DrainOnUndeploy.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setAttribute(ATTRIBUTE, new Drain());
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Drain drain = (Drain) event.getServletContext().getAttribute(ATTRIBUTE);
        try {
            int left = drain.stop(Drain.LONGEST);
            LOG.info(() -> "Stopping with " + left + " request(s) still in flight");
        } catch (InterruptedException stopNow) {
            Thread.currentThread().interrupt();
        }
    }
}
