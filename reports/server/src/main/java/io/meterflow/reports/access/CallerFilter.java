package io.meterflow.reports.access;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Establishes the caller from the request, per auth mode, as the other Meterflow APIs do:
 * {@code noauth} takes Gnocchi's headers ({@code X-User-Id}, {@code X-Project-Id}, {@code X-Roles};
 * none at all is the admin), {@code basic} takes the user name as the identity and its project
 * ({@code admin} is admin, the configured finance users hold {@code finance}). Keystone tokens come
 * with issue 20.
 */
@jakarta.annotation.Priority(jakarta.ws.rs.Priorities.AUTHENTICATION)
public final class CallerFilter implements ContainerRequestFilter {

    private final String mode;
    private final Set<String> financeUsers;

    public CallerFilter(String mode, Set<String> financeUsers) {
        this.mode = mode;
        this.financeUsers = financeUsers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("portal")) {
            // The tenant portal signs its users in itself and keeps them by session cookie.
            return;
        }
        Caller caller = "basic".equals(mode) ? basic(request) : noauth(request);
        if (caller == null) {
            request.abortWith(Response.status(401)
                    .header("WWW-Authenticate", "Basic realm=\"meterflow\"")
                    .type("application/json")
                    .entity(Map.of("code", 401, "description", "authentication required"))
                    .build());
            return;
        }
        request.setProperty(Caller.PROPERTY, caller);
    }

    private static Caller noauth(ContainerRequestContext request) {
        String user = request.getHeaderString("X-User-Id");
        String project = request.getHeaderString("X-Project-Id");
        String roles = request.getHeaderString("X-Roles");
        if (user == null && project == null && roles == null) {
            return Caller.of("admin", null, List.of("admin"));
        }
        List<String> roleList = roles == null
                ? List.of("member")
                : Arrays.stream(roles.split(","))
                        .map(String::trim)
                        .filter(r -> !r.isEmpty())
                        .toList();
        return Caller.of(user == null ? "anonymous" : user, project, roleList);
    }

    private Caller basic(ContainerRequestContext request) {
        String header = request.getHeaderString("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String user = decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
        if (user.isEmpty()) {
            return null;
        }
        if (user.equals("admin")) {
            return Caller.of(user, null, List.of("admin"));
        }
        if (financeUsers.contains(user)) {
            return Caller.of(user, null, List.of("finance"));
        }
        return Caller.of(user, user, List.of("member"));
    }
}
