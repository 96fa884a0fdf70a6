package io.meterflow.reports.access;

import io.meterflow.keystone.InvalidTokenException;
import io.meterflow.keystone.KeystoneTokens;
import io.meterflow.keystone.KeystoneUnavailableException;
import io.meterflow.policy.Credentials;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Establishes the caller from the request, per auth mode, as the other Meterflow APIs do:
 * {@code noauth} takes Gnocchi's headers ({@code X-User-Id}, {@code X-Project-Id}, {@code X-Roles};
 * none at all is the admin), {@code basic} takes the user name as the identity and its project
 * ({@code admin} is admin, the configured finance users hold {@code finance}), {@code keystone}
 * validates {@code X-Auth-Token} as keystonemiddleware does (the rating API's {@code AccessFilter}):
 * 401 in keystonemiddleware's shape without a valid token, 503 when Keystone cannot be asked, and
 * the identity headers a caller sent are replaced by the token's. What the caller may do is the
 * policy's to judge, in the resources ({@link Guard}).
 */
@jakarta.annotation.Priority(jakarta.ws.rs.Priorities.AUTHENTICATION)
public final class CallerFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(CallerFilter.class);
    private static final List<String> IDENTITY_HEADERS =
            List.of("X-User-Id", "X-Project-Id", "X-Domain-Id", "X-Roles", "X-Is-Admin-Project");

    private final String mode;
    private final Set<String> financeUsers;
    private final KeystoneTokens keystone;

    private CallerFilter(String mode, Set<String> financeUsers, KeystoneTokens keystone) {
        this.mode = mode;
        this.financeUsers = financeUsers;
        this.keystone = keystone;
    }

    /** {@code noauth} or {@code basic}. */
    public CallerFilter(String mode, Set<String> financeUsers) {
        this(mode, financeUsers, null);
        if (mode.equals("keystone")) {
            throw new IllegalArgumentException("keystone mode needs KeystoneTokens: CallerFilter.keystone");
        }
    }

    /** {@code keystone}: tokens validated with the service's own credentials. */
    public static CallerFilter keystone(KeystoneTokens keystone) {
        return new CallerFilter("keystone", Set.of(), keystone);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().replaceFirst("^/", "").startsWith("portal")) {
            // The tenant portal signs its users in itself and keeps them by session cookie.
            return;
        }
        if (keystone != null) {
            keystone(request);
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

    private void keystone(ContainerRequestContext request) {
        String token = request.getHeaderString("X-Auth-Token");
        if (token == null || token.isBlank()) {
            request.abortWith(unauthorized());
            return;
        }
        Caller caller;
        try {
            caller = Caller.of(keystone.validate(token.trim(), request.getHeaderString("X-Service-Token")));
        } catch (InvalidTokenException e) {
            request.abortWith(unauthorized());
            return;
        } catch (KeystoneUnavailableException e) {
            LOG.warn("Token not validated: {}", e.getMessage());
            request.abortWith(Response.status(503)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of(
                            "error",
                            Map.of(
                                    "code", 503,
                                    "title", "Service Unavailable",
                                    "message", "The token could not be validated: Keystone is not available.")))
                    .build());
            return;
        }
        passOnIdentity(request, caller.credentials());
        request.setProperty(Caller.PROPERTY, caller);
    }

    /**
     * As keystonemiddleware does: identity headers a caller sent are dropped and the token's put in
     * their place, so nothing downstream can read an identity the caller merely claims.
     */
    private static void passOnIdentity(ContainerRequestContext request, Credentials credentials) {
        MultivaluedMap<String, String> headers = request.getHeaders();
        IDENTITY_HEADERS.forEach(headers::remove);
        headers.putSingle("X-User-Id", credentials.userId());
        if (credentials.projectId() != null) {
            headers.putSingle("X-Project-Id", credentials.projectId());
        }
        if (credentials.domainId() != null) {
            headers.putSingle("X-Domain-Id", credentials.domainId());
        }
        headers.putSingle("X-Roles", String.join(",", credentials.roles()));
        headers.putSingle("X-Is-Admin-Project", credentials.isAdminProject() ? "True" : "False");
    }

    /** keystonemiddleware's answer to a request without a valid token. */
    private static Response unauthorized() {
        return Response.status(401)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("WWW-Authenticate", "Keystone")
                .entity(Map.of(
                        "error",
                        Map.of(
                                "code", 401,
                                "title", "Unauthorized",
                                "message", "The request you have made requires authentication.")))
                .build();
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
