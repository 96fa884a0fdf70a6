package io.meterflow.timeseries.resource;

import io.meterflow.timeseries.metric.ResourceOwners;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The resource index in PostgreSQL: live rows, their revisions, and who owns them. */
public final class ResourceDao implements ResourceOwners {

    private final ResourceRows rows;

    public ResourceDao(ResourceRows rows) {
        this.rows = rows;
    }

    @Override
    public Map<UUID, Owner> find(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, Owner> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, creator, created_by_project_id, project_id FROM resource WHERE id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    found.put(id, new Owner(id, rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
        }
        return found;
    }

    public void insert(Connection connection, Resource resource) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO resource (id, type, original_resource_id, creator, created_by_user_id,
                                      created_by_project_id, user_id, project_id, started_at, ended_at,
                                      revision_start, attributes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
            insert.setObject(1, resource.id());
            insert.setString(2, resource.type());
            insert.setString(3, resource.originalResourceId());
            insert.setString(4, resource.creator());
            insert.setString(5, resource.createdByUserId());
            insert.setString(6, resource.createdByProjectId());
            insert.setString(7, resource.userId());
            insert.setString(8, resource.projectId());
            insert.setObject(9, ResourceRows.timestamp(resource.startedAt()));
            insert.setObject(10, ResourceRows.timestamp(resource.endedAt()));
            insert.setObject(11, ResourceRows.timestamp(resource.revisionStart()));
            insert.setString(12, resource.attributes().toString());
            insert.executeUpdate();
        }
    }

    /**
     * The live resource with this id, if it is of {@code type} ({@code generic} finds any).
     * {@code lock} takes the row for an update, so concurrent PATCHes make ordered revisions.
     */
    public Optional<Resource> find(Connection connection, String type, UUID id, boolean lock) throws SQLException {
        String sql = "SELECT " + ResourceRows.COLUMNS + " FROM (" + ResourceRows.LIVE + ") r WHERE r.id = ?"
                + (type.equals("generic") ? "" : " AND r.type = ?");
        if (lock) {
            sql = "SELECT " + ResourceRows.COLUMNS + " FROM (" + ResourceRows.LIVE + " WHERE id = ? FOR UPDATE) r"
                    + (type.equals("generic") ? "" : " WHERE r.type = ?");
        }
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, id);
            if (!type.equals("generic")) {
                select.setString(2, type);
            }
            return rows.read(connection, select).stream().findFirst();
        }
    }

    /** Keeps the live row as a past revision ending at {@code revisionEnd}. */
    public void archive(Connection connection, UUID id, Instant revisionEnd) throws SQLException {
        try (PreparedStatement copy = connection.prepareStatement("""
                INSERT INTO resource_history (id, type, original_resource_id, creator, created_by_user_id,
                                              created_by_project_id, user_id, project_id, started_at, ended_at,
                                              revision_start, revision_end, attributes)
                SELECT id, type, original_resource_id, creator, created_by_user_id, created_by_project_id,
                       user_id, project_id, started_at, ended_at, revision_start, ?, attributes
                FROM resource WHERE id = ?""")) {
            copy.setObject(1, ResourceRows.timestamp(revisionEnd));
            copy.setObject(2, id);
            copy.executeUpdate();
        }
    }

    public void update(Connection connection, Resource resource) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE resource SET user_id = ?, project_id = ?, started_at = ?, ended_at = ?, revision_start = ?,
                                    attributes = ?::jsonb
                WHERE id = ?""")) {
            update.setString(1, resource.userId());
            update.setString(2, resource.projectId());
            update.setObject(3, ResourceRows.timestamp(resource.startedAt()));
            update.setObject(4, ResourceRows.timestamp(resource.endedAt()));
            update.setObject(5, ResourceRows.timestamp(resource.revisionStart()));
            update.setString(6, resource.attributes().toString());
            update.setObject(7, resource.id());
            update.executeUpdate();
        }
    }

    /** Deletes resources and, as Gnocchi marks them deleted, their metrics (by cascade). */
    public int delete(Connection connection, List<UUID> ids) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM resource WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            return delete.executeUpdate();
        }
    }

    /** Attaches an existing metric of the same creator under a name; false if there is none. */
    public boolean attachMetric(Connection connection, UUID resourceId, String creator, String name, UUID metricId)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE metric SET resource_id = ?, name = ? WHERE id = ? AND creator = ?")) {
            update.setObject(1, resourceId);
            update.setString(2, name);
            update.setObject(3, metricId);
            update.setString(4, creator);
            return update.executeUpdate() > 0;
        }
    }

    public void detachMetrics(Connection connection, UUID resourceId) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE metric SET resource_id = NULL WHERE resource_id = ?")) {
            update.setObject(1, resourceId);
            update.executeUpdate();
        }
    }

    public Map<String, UUID> metrics(Connection connection, UUID resourceId) throws SQLException {
        return rows.metrics(connection, List.of(resourceId)).getOrDefault(resourceId, Map.of());
    }
}
