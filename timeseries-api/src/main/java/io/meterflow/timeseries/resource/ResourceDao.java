package io.meterflow.timeseries.resource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The part of the resource index metrics need: which resources exist and who owns them. */
public final class ResourceDao {

    /** Who may act on a resource: its creator and the project it belongs to. */
    public record Ownership(UUID id, String creator, String createdByProjectId, String projectId) {
    }

    public Map<UUID, Ownership> findOwnership(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, Ownership> found = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, creator, created_by_project_id, project_id FROM resource WHERE id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    found.put(id, new Ownership(id, rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
        }
        return found;
    }
}
