package io.meterflow.timeseries.metric;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Who owns the resources metrics are linked to: what a metric needs of the resource index, and no
 * more. The index implements it, so metrics never depend on resources and resources may depend on
 * metrics (a resource names its metrics).
 */
public interface ResourceOwners {

    /** Who may act on a resource: its creator and the project it belongs to. */
    record Owner(UUID id, String creator, String createdByProjectId, String projectId) {}

    /** The owners of those of {@code ids} that exist, within the caller's transaction. */
    Map<UUID, Owner> find(Connection connection, Collection<UUID> ids) throws SQLException;
}
