package dev.registry.rest;

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

    private Thread announcer;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Drain drain = new Drain();
        event.getServletContext().setAttribute(ATTRIBUTE, drain);
        announcer = new Thread(() -> {
            drain.announceStop();
            LOG.info("Stopping: readiness is DOWN; serving on until the server's shutdown grace ends");
        }, "devices-stop-announcer");
        Runtime.getRuntime().addShutdownHook(announcer);
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
        Drain drain = Drain.of(event.getServletContext());
        try {
            int left = drain.stop(Drain.LONGEST);
            LOG.info(() -> "Stopping with " + left + " request(s) still in flight");
        } catch (InterruptedException stopNow) {
            Thread.currentThread().interrupt();
        }
    }
}
