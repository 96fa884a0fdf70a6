package io.meterflow.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Who calls, as oslo.context hands it to oslo.policy: the user, the project the token is scoped
 * to, the roles held there, and whether the caller is an admin of the cloud.
 *
 * @param projectId null for a caller without a project (an unscoped or system token)
 * @param isAdmin oslo.context's {@code is_admin}: what {@code is_admin:True} checks
 * @param user what {@code user:} checks: the user id for oslo.context, {@code "user_id:project_id"}
 *     for Gnocchi, whose {@code admin_or_creator} compares it with the creator it recorded
 */
public record Credentials(
        String userId,
        String projectId,
        String domainId,
        List<String> roles,
        boolean isAdmin,
        boolean isAdminProject,
        String user) {

    public Credentials {
        roles = List.copyOf(Objects.requireNonNull(roles, "roles"));
    }

    /** Credentials whose {@code user} is the user id, as oslo.context gives it. */
    public Credentials(
            String userId,
            String projectId,
            String domainId,
            List<String> roles,
            boolean isAdmin,
            boolean isAdminProject) {
        this(userId, projectId, domainId, roles, isAdmin, isAdminProject, userId);
    }

    /** The dictionary checks read, with oslo.context's key names. */
    Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("user_id", userId);
        map.put("user", user);
        map.put("project_id", projectId);
        map.put("tenant", projectId);
        map.put("domain_id", domainId);
        map.put("roles", roles);
        map.put("is_admin", isAdmin);
        map.put("is_admin_project", isAdminProject);
        return map;
    }
}
