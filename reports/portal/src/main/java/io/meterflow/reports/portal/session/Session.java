package io.meterflow.reports.portal.session;

import io.meterflow.reports.portal.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A signed-in tenant: the random id its cookie carries, its project, who signed in and the roles
 * the identity service gave them on the project (empty for a signed link), and when it was last
 * used (idle expiry counts from there). Never a password or a token.
 */
public record Session(String id, ProjectId project, String user, List<String> roles, Instant lastUsedAt) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        user = user == null ? "" : user;
        roles = List.copyOf(roles);
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    Session usedAt(Instant now) {
        return new Session(id, project, user, roles, now);
    }
}
