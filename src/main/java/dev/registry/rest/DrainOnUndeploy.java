package dev.registry.rest;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;

/**
 * Stopping without failing a request behind a load balancer. On SIGTERM a JVM shutdown hook marks the
 * application as stopping, so readiness answers 503 while the server keeps serving for its shutdown
 * grace (payara-config/jvm.options) and the balancer moves traffic away; then the server undeploys the
 * application, and the undeployment waits, up to {@link Drain#LONGEST}, for the requests in flight,
 * while {@link DrainingFilter} turns new ones away.
 */
@WebListener
public class DrainOnUndeploy implements ServletContextListener {

    static final String ATTRIBUTE = Drain.class.getName();
    private static final Logger LOG = Logger.getLogger(DrainOnUndeploy.class.getName());

    @Inject
    ShutdownSignal signal;

    private Thread announcer;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().setAttribute(ATTRIBUTE, new Drain());
        // No logging here: the JVM may already be closing the log handlers.
        announcer = new Thread(this::announce, "devices-stop-announcer");
        Runtime.getRuntime().addShutdownHook(announcer);
    }

    private void announce() {
        try {
            signal.ask();
        } catch (RuntimeException undeployedMeanwhile) {
            // The application is gone already: nothing is left to report as ready.
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        try {
            // An undeploy without a JVM stop (a redeploy) must not leave the hook, and this
            // application's classes with it, behind.
            Runtime.getRuntime().removeShutdownHook(announcer);
        } catch (IllegalStateException jvmStopping) {
            // The hook is running or has run: nothing to remove.
        }
        signal.ask();
        Drain drain = (Drain) event.getServletContext().getAttribute(ATTRIBUTE);
        try {
            int left = drain.stop(Drain.LONGEST);
            LOG.info(() -> "Stopping with " + left + " request(s) still in flight");
        } catch (InterruptedException stopNow) {
            Thread.currentThread().interrupt();
        }
    }
}
