package dev.registry.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * On SIGTERM the server undeploys the application: from then on new requests get a 503 (with
 * Connection: close), while the application waits, up to {@link #DRAIN_SECONDS}, for the requests
 * already in flight to complete before it lets the server go on stopping.
 */
@WebFilter(urlPatterns = "/*")
@WebListener
public class GracefulShutdown extends HttpFilter implements ServletContextListener {

    static final int DRAIN_SECONDS = 20;
    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static final AtomicBoolean DRAINING = new AtomicBoolean();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (DRAINING.get()) {
            response.setHeader("Connection", "close");
            response.setHeader("Retry-After", String.valueOf(Problem.RETRY_AFTER_SECONDS));
            response.sendError(503);
            return;
        }
        IN_FLIGHT.incrementAndGet();
        try {
            chain.doFilter(request, response);
        } finally {
            IN_FLIGHT.decrementAndGet();
        }
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        DRAINING.set(false);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        DRAINING.set(true);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_SECONDS);
        while (IN_FLIGHT.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        LOG.info(() -> "Stopping with " + IN_FLIGHT.get() + " request(s) still in flight");
    }
}
