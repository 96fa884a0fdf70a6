package io.meterflow.reports.portal.session;

import io.meterflow.reports.portal.ProjectId;
import java.time.Instant;
import java.util.Objects;

/**
 * A signed-in tenant: the random id its cookie carries, its project, and when it was last used
 * (idle expiry counts from there).
 */
public record Session(String id, ProjectId project, Instant lastUsedAt) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    }

    Session usedAt(Instant now) {
        return new Session(id, project, now);
    }
}
