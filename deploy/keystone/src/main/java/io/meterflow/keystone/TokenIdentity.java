package io.meterflow.keystone;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a valid token says about its bearer: the headers keystonemiddleware passes on
 * ({@code X-User-Id}, {@code X-Project-Id}, {@code X-Domain-Id}, {@code X-Roles},
 * {@code X-Is-Admin-Project}).
 *
 * @param projectId null unless the token is scoped to a project
 * @param domainId the domain the token is scoped to, else the project's domain; null when unscoped
 * @param roles the roles the token carries, implied ones included
 */
public record TokenIdentity(
        String userId,
        String userName,
        String projectId,
        String domainId,
        List<String> roles,
        boolean isAdminProject,
        Instant expiresAt) {

    public TokenIdentity {
        Objects.requireNonNull(userId, "userId");
        roles = List.copyOf(roles);
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
