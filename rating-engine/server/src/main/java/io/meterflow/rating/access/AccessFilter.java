package io.meterflow.rating.access;

import io.meterflow.keystone.InvalidTokenException;
import io.meterflow.keystone.KeystoneTokens;
import io.meterflow.keystone.KeystoneUnavailableException;
import io.meterflow.keystone.TokenIdentity;
import io.meterflow.policy.Credentials;
import io.meterflow.policy.Policy;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates each request and judges it by the policy, before any resource runs, as CloudKitty
 * behind keystonemiddleware does: without a valid {@code X-Auth-Token} a request is answered 401
 * in keystonemiddleware's shape (the version documents excepted), and a call the policy refuses
 * is answered 403 in the shape CloudKitty gives that API. Under noauth nothing is checked, as in
 * CloudKitty, and every caller is an admin.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AccessFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AccessFilter.class);
    /** CloudKitty's {@code acl_public_routes}: the version documents. */
    private static final Set<String> PUBLIC = Set.of("/", "/v1", "/v2");
    /** The v1 reads whose target is the project asked for, not the caller's own. */
    private static final Set<String> TARGET_ASKED_FOR =
            Set.of("report:get_summary", "report:get_total", "storage:list_data_frames");

    private final KeystoneTokens keystone;
    private final boolean basic;
    private final Policy policy;
    private final GuardedCalls calls;

    /** @param keystone null for noauth */
    public AccessFilter(KeystoneTokens keystone, Policy policy) {
        this(keystone, false, policy);
    }

    /** Meterflow's development mode: the Basic user name is the identity, judged by the same policy. */
    public static AccessFilter basic(Policy policy) {
        return new AccessFilter(null, true, policy);
    }

    private AccessFilter(KeystoneTokens keystone, boolean basic, Policy policy) {
        this.keystone = keystone;
        this.basic = basic;
        this.policy = policy;
        this.calls = new GuardedCalls(RatingPolicies.defaults());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (keystone == null && !basic) {
            request.setSecurityContext(new CallerContext(Caller.NOAUTH, request.getSecurityContext()));
            return;
        }
        String normalized = GuardedCalls.normalized(request.getUriInfo().getPath(false));
        if (PUBLIC.contains(normalized) || request.getMethod().equals("OPTIONS")) {
            return; // version documents and CORS preflights, as keystonemiddleware lets them through
        }
        Caller caller;
        try {
            caller = caller(basic ? BasicIdentity.of(request.getHeaderString("Authorization")) : token(request));
        } catch (InvalidTokenException e) {
            request.abortWith(basic ? BasicIdentity.unauthorized() : unauthorized());
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
        request.setSecurityContext(new CallerContext(caller, request.getSecurityContext()));
        passOnIdentity(request, caller);
        String rule = calls.ruleFor(request.getMethod(), normalized);
        if (!policy.allows(
                rule, target(rule, caller, request.getUriInfo().getQueryParameters()), caller.credentials())) {
            request.abortWith(forbidden(rule, normalized));
        }
    }

    private TokenIdentity token(ContainerRequestContext request) throws InvalidTokenException {
        String token = request.getHeaderString("X-Auth-Token");
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException("no X-Auth-Token");
        }
        return keystone.validate(token.trim(), request.getHeaderString("X-Service-Token"));
    }

    private Caller caller(TokenIdentity token) {
        Credentials withoutAdmin = new Credentials(
                token.userId(), token.projectId(), token.domainId(), token.roles(), false, token.isAdminProject());
        Map<String, Object> target = new HashMap<>();
        target.put("user_id", token.userId());
        target.put("project_id", token.projectId());
        // CloudKitty's RequestContext: is_admin is what context_is_admin says of the caller.
        boolean admin = policy.allows(RatingPolicies.CONTEXT_IS_ADMIN, target, withoutAdmin);
        return new Caller(new Credentials(
                token.userId(), token.projectId(), token.domainId(), token.roles(), admin, token.isAdminProject()));
    }

    /**
     * What the call acts on. CloudKitty's v1 report and storage reads name the project asked for
     * ({@code tenant_id}, else the caller's; {@code all_tenants} none), so a reader asking for
     * another project is refused; the v2 reads and Meterflow's billing name the caller's project
     * or the one asked for, and their resources then keep a caller who is not admin to its own.
     */
    private static Map<String, Object> target(String rule, Caller caller, MultivaluedMap<String, String> query) {
        Map<String, Object> target = new LinkedHashMap<>();
        if (TARGET_ASKED_FOR.contains(rule)) {
            String asked = query.getFirst("tenant_id");
            boolean all = "true".equalsIgnoreCase(query.getFirst("all_tenants"));
            target.put("project_id", all ? null : asked != null ? asked : caller.projectId());
        } else if (rule.startsWith("billing:")) {
            String asked = query.getFirst("project_id");
            target.put("project_id", asked != null ? asked : caller.projectId());
        } else {
            target.put("project_id", caller.projectId());
        }
        return target;
    }

    /**
     * As keystonemiddleware does: identity headers a caller sent are dropped and the token's put
     * in their place, so what reads {@code X-User-Id} (the hashmap's created_by) names the token's
     * user, never one a caller claims.
     */
    private static void passOnIdentity(ContainerRequestContext request, Caller caller) {
        MultivaluedMap<String, String> headers = request.getHeaders();
        for (String header : List.of("X-User-Id", "X-Project-Id", "X-Domain-Id", "X-Roles", "X-Is-Admin-Project")) {
            headers.remove(header);
        }
        Credentials credentials = caller.credentials();
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

    /** CloudKitty's refusals: flask-restful's on v2, pecan's on module configuration, WSME's on the rest of v1. */
    private static Response forbidden(String rule, String path) {
        Object body;
        if (path.startsWith("/v2/")) {
            body = Map.of("message", "You are not authorized to perform this action");
        } else if (rule.equals("rating:module_config")) {
            body = Map.of(
                    "code",
                    403,
                    "title",
                    "Forbidden",
                    "description",
                    "Policy doesn't allow " + rule + " to be performed.");
        } else {
            Map<String, Object> wsme = new LinkedHashMap<>();
            wsme.put("faultcode", "Client");
            wsme.put("faultstring", "Policy doesn't allow " + rule + " to be performed.");
            wsme.put("debuginfo", null);
            body = wsme;
        }
        return Response.status(403)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body)
                .build();
    }

    /** The request's security context with the caller as its principal. */
    private record CallerContext(Caller caller, SecurityContext original) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.credentials().roles().contains(role);
        }

        @Override
        public boolean isSecure() {
            return original != null && original.isSecure();
        }

        @Override
        public String getAuthenticationScheme() {
            return "Keystone";
        }
    }
}
