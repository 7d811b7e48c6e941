package dev.registry.access;

import dev.registry.rest.Problem;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Before any resource is matched (so an unknown device path tells a stranger nothing), answers
 * 401 or 403 problems for what the access control refuses, and names the caller for what it allows.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BearerTokenFilter implements ContainerRequestFilter {

    static final String CALLER = Caller.class.getName();
    private static final String CHALLENGE = "Bearer realm=\"devices\"";

    @Inject
    AccessControl access;

    @Override
    public void filter(ContainerRequestContext request) {
        Verdict verdict = access.decide(request.getMethod(), request.getUriInfo().getPath(),
                request.getHeaderString(HttpHeaders.AUTHORIZATION));
        switch (verdict.outcome()) {
            case OPEN -> { }
            case ALLOWED -> named(request, verdict.caller());
            case NO_TOKEN -> request.abortWith(challenge(Problem.response(401,
                    "This request needs a bearer token: send Authorization: Bearer <access token from the identity provider>."),
                    CHALLENGE));
            case BAD_TOKEN -> request.abortWith(challenge(Problem.response(401,
                    "The bearer token was not accepted: it is malformed, expired or not yet valid, not signed by the"
                            + " identity provider's key, or issued for another issuer or audience."),
                    CHALLENGE + ", error=\"invalid_token\""));
            case FORBIDDEN -> request.abortWith(challenge(Problem.response(403,
                    "The token's groups do not allow this: reading devices needs " + AccessRule.READER + " or "
                            + AccessRule.WRITER + ", changing them needs " + AccessRule.WRITER + "."),
                    CHALLENGE + ", error=\"insufficient_scope\""));
            case KEYS_UNAVAILABLE -> request.abortWith(Problem.unavailable(
                    "The identity provider's signing keys cannot be fetched right now, so no token can be checked."));
        }
    }

    private static Response challenge(Response problem, String header) {
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, header).build();
    }

    private static void named(ContainerRequestContext request, Caller caller) {
        request.setProperty(CALLER, caller);
        SecurityContext before = request.getSecurityContext();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.groups().contains(role);
            }

            @Override
            public boolean isSecure() {
                return before.isSecure();
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        });
    }
}
