package io.meterflow.timeseries.api.auth;

import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.api.ApiException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.Set;

/**
 * Authenticates every API request except the version documents and the health check, which
 * Gnocchi serves anonymously, and hands the {@link Caller} to resources via the SecurityContext.
 */
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    private static final Set<String> ANONYMOUS_PATHS = Set.of("", "/", "healthcheck", "/healthcheck");

    private final Authenticator authenticator;

    public AuthenticationFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (ANONYMOUS_PATHS.contains(path) || request.getMethod().equals("OPTIONS")) {
            return;
        }
        Caller caller;
        try {
            caller = authenticator.authenticate(request);
        } catch (ApiException unauthenticated) {
            return; // Callers.from() answers 401 where a handler needs an identity
        } catch (AuthenticationRefused refused) {
            request.abortWith(refused.response()); // Keystone: no valid token, no call at all
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return caller;
            }

            @Override
            public boolean isUserInRole(String role) {
                return caller.roles().contains(role);
            }

            @Override
            public boolean isSecure() {
                return secure;
            }

            @Override
            public String getAuthenticationScheme() {
                return "gnocchi";
            }
        });
    }
}
