package dev.registry.database;

import java.util.logging.Logger;
import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.JNDIConnector;
import org.eclipse.persistence.sessions.Session;

/**
 * How the EclipseLink session meets a database that is not there.
 *
 * <p>While the application deploys: wait for it. Payara's JPA deployer logs the session in before
 * any application code runs, and a failed login fails the whole deployment, so a server started
 * before its database (as {@code docker compose up} can do) would never become ready. This
 * customiser runs just before that login. Meanwhile the server's health endpoints answer DOWN.
 *
 * <p>Once running: fail at once. On a lost connection EclipseLink retries the query, 5 s apart, so
 * a request would hang for 10 s. The server's pool already validates every connection it lends; the
 * client gets a 503 with Retry-After within the 2 s the service promises.
 */
public class OutagePolicy implements SessionCustomizer {

    private static final Logger LOG = Logger.getLogger(OutagePolicy.class.getName());

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
        if (session.getLogin().getConnector() instanceof JNDIConnector connector && connector.getDataSource() != null) {
            DatabaseWait.untilReachable(connector.getDataSource(), LOG);
        }
    }
}
