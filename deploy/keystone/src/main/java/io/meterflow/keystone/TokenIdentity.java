package io.meterflow.keystone;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a valid token says about its bearer: the headers keystonemiddleware passes on
 * ({@code X-User-Id}, {@code X-Project-Id}, {@code X-Domain-Id}, {@code X-Roles},
 * {@code X-Is-Admin-Project}), and, when the request also carried a valid service token, what that
 * one says ({@code X-Service-User-Id}, {@code X-Service-Project-Id}, {@code X-Service-Roles}...).
 *
 * @param projectId null unless the token is scoped to a project
 * @param domainId the domain the token is scoped to, else the project's domain; null when unscoped
 * @param roles the roles the token carries, implied ones included
 * @param expiresAt when the token expires; already past when an expired user token was accepted
 *     because a service token came with it
 * @param service the identity of the request's service token ({@code X-Service-Token}), or null
 *     when it carried none; it never has a service of its own
 */
public record TokenIdentity(
        String userId,
        String userName,
        String projectId,
        String domainId,
        List<String> roles,
        boolean isAdminProject,
        Instant expiresAt,
        TokenIdentity service) {

    public TokenIdentity {
        Objects.requireNonNull(userId, "userId");
        roles = List.copyOf(roles);
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (service != null && service.service() != null) {
            throw new IllegalArgumentException("a service token's identity has no service of its own");
        }
    }

    /** A token's identity without a service token, as before service tokens were honoured. */
    public TokenIdentity(
            String userId,
            String userName,
            String projectId,
            String domainId,
            List<String> roles,
            boolean isAdminProject,
            Instant expiresAt) {
        this(userId, userName, projectId, domainId, roles, isAdminProject, expiresAt, null);
    }

    /** This identity, vouched for by the service token of {@code service}. */
    public TokenIdentity withService(TokenIdentity service) {
        return new TokenIdentity(userId, userName, projectId, domainId, roles, isAdminProject, expiresAt, service);
    }
}
