package dev.registry.devices;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.Session;

/**
 * On a lost connection EclipseLink retries the query, 5 s apart: in a database outage a request
 * would hang for 10 s. The server's pool already validates every connection it lends, so fail at
 * once instead: the client gets a 503 with Retry-After within the 2 s the service promises.
 */
public class FailFastOnOutage implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        session.getLogin().setQueryRetryAttemptCount(0);
        session.getLogin().setDelayBetweenConnectionAttempts(0);
    }
}
