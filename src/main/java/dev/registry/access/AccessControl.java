package dev.registry.access;

import com.nimbusds.jose.KeySourceException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Reads the access settings when the application starts: off, it warns once that writes are open;
 * misconfigured, it stops the deployment with the reason. Then decides each request under /api/v1.
 */
@ApplicationScoped
public class AccessControl {

    private static final Logger LOG = Logger.getLogger(AccessControl.class.getName());
    private static final String BEARER = "bearer ";

    private AccessSettings settings = AccessSettings.OFF;
    private TokenVerifier verifier;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        var config = ConfigProvider.getConfig(AccessControl.class.getClassLoader());
        use(AccessSettings.read(name -> config.getOptionalValue(name, String.class)));
    }

    void use(AccessSettings chosen) {
        settings = chosen;
        if (!settings.on()) {
            LOG.warning("Access control is off (DEVICES_AUTH is not set): anyone who reaches this service can"
                    + " create, change and delete devices. Set DEVICES_AUTH=jwt to require bearer tokens.");
            return;
        }
        verifier = new TokenVerifier(settings);
        LOG.info(() -> "Access control is on: /api/v1/device needs a bearer token issued by " + settings.issuer()
                + (settings.audiences().isEmpty() ? "" : " for " + settings.audiences()) + ", keys from " + settings.keyLocation());
    }

    public boolean on() {
        return settings.on();
    }

    /** {@code authorization} is the request's Authorization header, or null. */
    public Verdict decide(String method, String path, String authorization) {
        AccessRule rule = AccessRule.of(method, path);
        if (!settings.on() || rule == AccessRule.OPEN) {
            return Verdict.OPEN;
        }
        if (authorization == null || authorization.isBlank()) {
            return Verdict.of(Verdict.Outcome.NO_TOKEN);
        }
        if (authorization.length() <= BEARER.length() || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Verdict.of(Verdict.Outcome.BAD_TOKEN);
        }
        try {
            Caller caller = verifier.verify(authorization.substring(BEARER.length()).strip());
            return new Verdict(rule.allows(caller.groups()) ? Verdict.Outcome.ALLOWED : Verdict.Outcome.FORBIDDEN, caller);
        } catch (RejectedToken rejected) {
            // At FINE: a flood of bad tokens must not flood the log; operators can turn it on.
            LOG.log(Level.FINE, "Bearer token rejected: {0}", rejected.getMessage());
            return Verdict.of(Verdict.Outcome.BAD_TOKEN);
        } catch (KeySourceException unavailable) {
            LOG.log(Level.WARNING, "The identity provider''s keys cannot be fetched from {0}: {1}",
                    new Object[] {settings.keyLocation(), unavailable.getMessage()});
            return Verdict.of(Verdict.Outcome.KEYS_UNAVAILABLE);
        }
    }
}
