package io.meterflow.gnocchiclient.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gnocchi's {@code noauth} mode: the caller states its identity in {@code X-User-Id},
 * {@code X-Project-Id} and {@code X-Roles} (comma separated; role {@code admin} is the
 * administrator). Either id may be absent, as Gnocchi allows, but not both.
 */
public record NoAuth(String userId, String projectId, List<String> roles) implements GnocchiAuth {

    public NoAuth {
        if (isBlank(userId) && isBlank(projectId)) {
            throw new IllegalArgumentException("noauth needs a user id, a project id or both");
        }
        roles = List.copyOf(roles == null ? List.of() : roles);
        for (String role : roles) {
            if (role.isBlank() || role.contains(",")) {
                throw new IllegalArgumentException("noauth role must be non-blank and without ',': '" + role + "'");
            }
        }
    }

    @Override
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!isBlank(userId)) {
            headers.put("X-User-Id", userId);
        }
        if (!isBlank(projectId)) {
            headers.put("X-Project-Id", projectId);
        }
        if (!roles.isEmpty()) {
            headers.put("X-Roles", String.join(",", roles));
        }
        return headers;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
