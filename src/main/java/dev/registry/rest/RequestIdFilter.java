package dev.registry.rest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Every response carries X-Request-Id: the client's when it is a plain token, a new one otherwise,
 * and the server's log line for a failed request names it.
 */
@WebFilter(urlPatterns = "/*")
public class RequestIdFilter extends HttpFilter {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Logger LOG = Logger.getLogger(RequestIdFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = request.getHeader(HEADER);
        if (id == null || !TOKEN.matcher(id).matches()) {
            id = UUID.randomUUID().toString();
        }
        request.setAttribute(HEADER, id);
        response.setHeader(HEADER, id);
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status >= 400) {
            // A client's mistake is no server failure: at FINE, so hostile traffic cannot flood the log.
            LOG.log(status >= 500 ? Level.WARNING : Level.FINE, "{0} {1} answered {2} [X-Request-Id {3}]",
                    new Object[] {request.getMethod(), request.getRequestURI(), status, id});
        }
    }

    /** The id of the request being served, for log lines written deeper down. */
    public static String of(HttpServletRequest request) {
        return String.valueOf(request.getAttribute(HEADER));
    }
}
