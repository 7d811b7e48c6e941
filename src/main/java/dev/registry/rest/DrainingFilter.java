package dev.registry.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Counts the requests in flight; once the application is stopping, answers 503 with Connection: close. */
@WebFilter(urlPatterns = "/*")
public class DrainingFilter extends HttpFilter {

    private transient Drain drain;

    @Override
    public void init() {
        drain = (Drain) getServletContext().getAttribute(DrainOnUndeploy.ATTRIBUTE);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!drain.enter()) {
            response.setHeader("Connection", "close");
            response.setHeader("Retry-After", String.valueOf(Problem.RETRY_AFTER_SECONDS));
            response.sendError(503);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            drain.leave();
        }
    }
}
