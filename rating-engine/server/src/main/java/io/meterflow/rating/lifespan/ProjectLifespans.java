package io.meterflow.rating.lifespan;

import io.meterflow.rating.database.Jdbc;
import io.meterflow.wire.ProjectEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keystone projects' lifespans ({@code rating_project_lifespans}): created, disabled, enabled
 * again, deleted, each at Keystone's event time. Applying an event is idempotent (by its message
 * id) and order-free: the collector's consumers may hand Kafka one project's events out of order,
 * so each time is kept as the earliest or the latest, whichever its meaning asks.
 */
public final class ProjectLifespans {

    /** What a project's scope state is given when its creation makes it a scope. */
    public record NewScope(String scopeKey, String fetcher, String collector) {}

    private final Jdbc jdbc;
    private final Optional<NewScope> createdBecomesScope;

    /** @param createdBecomesScope present: a created project becomes a scope at once (the keystone fetcher rating every enabled project) */
    public ProjectLifespans(Jdbc jdbc, Optional<NewScope> createdBecomesScope) {
        this.jdbc = jdbc;
        this.createdBecomesScope = createdBecomesScope;
    }

    /** @return false when the event was applied before (a redelivery), and nothing changed */
    public boolean apply(ProjectEvent event) {
        return jdbc.inTransaction(c -> {
            int fresh = Jdbc.update(
                    c,
                    "INSERT INTO rating_project_events_applied (message_id, project_id) VALUES (?, ?)"
                            + " ON CONFLICT (message_id) DO NOTHING",
                    event.messageId(),
                    event.projectId());
            if (fresh == 0) {
                return false;
            }
            Jdbc.update(
                    c,
                    "INSERT INTO rating_project_lifespans (project_id) VALUES (?) ON CONFLICT (project_id) DO NOTHING",
                    event.projectId());
            Timestamp at = Timestamp.from(event.eventTime());
            switch (event.kind()) {
                case CREATED -> created(c, event.projectId(), at);
                case DELETED -> set(c, "deleted_at = LEAST(deleted_at, ?)", event.projectId(), at);
                case UPDATED -> {
                    if (event.enabled() != null) {
                        state(c, event.projectId(), event.enabled(), at);
                    }
                }
            }
            return true;
        });
    }

    private void created(Connection c, String projectId, Timestamp at) throws SQLException {
        set(c, "created_at = LEAST(created_at, ?)", projectId, at);
        if (createdBecomesScope.isPresent()) {
            NewScope scope = createdBecomesScope.get();
            Jdbc.update(
                    c,
                    "INSERT INTO rating_scope_states (scope_id, scope_key, fetcher, collector)"
                            + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM rating_project_lifespans"
                            + " WHERE project_id = ? AND deleted_at IS NOT NULL)"
                            + " ON CONFLICT (scope_id) DO NOTHING",
                    projectId,
                    scope.scopeKey(),
                    scope.fetcher(),
                    scope.collector(),
                    projectId);
        }
    }

    /**
     * Records the state an update left. Only the latest disabling and the latest enabling count,
     * so the outcome is the same in whatever order the updates arrive.
     */
    private static void state(Connection c, String projectId, boolean enabled, Timestamp at) throws SQLException {
        if (enabled) {
            Jdbc.update(
                    c,
                    "UPDATE rating_project_lifespans SET last_enabled_at = GREATEST(last_enabled_at, ?),"
                            + " enabled_again_at = CASE WHEN GREATEST(last_enabled_at, ?) > disabled_at"
                            + " THEN GREATEST(last_enabled_at, ?) END, updated_at = now() WHERE project_id = ?",
                    at,
                    at,
                    at,
                    projectId);
        } else {
            Jdbc.update(
                    c,
                    "UPDATE rating_project_lifespans SET disabled_at = GREATEST(disabled_at, ?),"
                            + " enabled_again_at = CASE WHEN last_enabled_at > GREATEST(disabled_at, ?)"
                            + " THEN last_enabled_at END, updated_at = now() WHERE project_id = ?",
                    at,
                    at,
                    projectId);
        }
    }

    private static void set(Connection c, String assignment, String projectId, Timestamp at) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE rating_project_lifespans SET " + assignment + ", updated_at = now() WHERE project_id = ?",
                at,
                projectId);
    }

    /** When Keystone deleted the project, if it did. */
    public static Optional<Instant> deletedAt(Connection c, String projectId) throws SQLException {
        return Jdbc.first(
                c,
                "SELECT deleted_at FROM rating_project_lifespans WHERE project_id = ? AND deleted_at IS NOT NULL",
                row -> row.getTimestamp(1).toInstant(),
                projectId);
    }

    /** Active scopes of projects whose life is known: created ones not yet rated, deleted ones not yet closed. */
    public List<String> activeScopesWithLifespans() {
        return jdbc.inTransaction(c -> Jdbc.list(
                c,
                "SELECT s.scope_id FROM rating_scope_states s"
                        + " JOIN rating_project_lifespans l ON l.project_id = s.scope_id WHERE s.active"
                        + " ORDER BY s.scope_id",
                row -> row.getString(1)));
    }
}
