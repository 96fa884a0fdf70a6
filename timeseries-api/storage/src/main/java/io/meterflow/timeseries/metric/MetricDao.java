package io.meterflow.timeseries.metric;

import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyDao;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.paging.KeysetPagination;
import io.meterflow.timeseries.paging.PageRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Metrics in PostgreSQL, always read together with their archive policy. */
public final class MetricDao {

    private static final String SELECT = """
            SELECT m.id, m.creator, m.name, m.unit, m.resource_id, r.project_id,
                   p.name, p.back_window, p.definition::text, p.aggregation_methods
            FROM metric m
            JOIN archive_policy p ON p.name = m.archive_policy_name
            LEFT JOIN resource r ON r.id = m.resource_id
            """;

    /** Attributes a listing may filter and sort on, and their columns. */
    static final Map<String, String> COLUMNS = Map.of(
            "id", "m.id",
            "name", "m.name",
            "unit", "m.unit",
            "creator", "m.creator",
            "archive_policy_name", "m.archive_policy_name",
            "resource_id", "m.resource_id");

    private static final KeysetPagination PAGINATION = new KeysetPagination(COLUMNS, "m.id");

    private final ArchivePolicyDao policies;

    public MetricDao(ArchivePolicyDao policies) {
        this.policies = policies;
    }

    public void insert(Connection connection, Metric metric) throws SQLException {
        insert(connection, metric, "");
    }

    /**
     * Inserts a metric named on its resource unless a concurrent request has just created one of
     * that name (Ceilometer's publisher sends batches for one resource from several threads), and
     * returns the metric stored under the name: the insert waits for the other transaction, and the
     * next statement of this one sees what it committed.
     */
    public Metric insertUnlessNamed(Connection connection, Metric metric) throws SQLException {
        if (insert(connection, metric, " ON CONFLICT ON CONSTRAINT metric_resource_name_unique DO NOTHING")) {
            return metric;
        }
        return findByResources(connection, List.of(metric.resourceId()))
                .get(metric.resourceId())
                .get(metric.name());
    }

    private boolean insert(Connection connection, Metric metric, String onConflict) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO metric (id, archive_policy_name, creator, created_by_user_id, created_by_project_id,
                                    resource_id, name, unit)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""" + onConflict);
                PreparedStatement buffer =
                        connection.prepareStatement("INSERT INTO metric_unaggregated (metric_id) VALUES (?)")) {
            insert.setObject(1, metric.id());
            insert.setString(2, metric.archivePolicy().name());
            insert.setString(3, metric.creator());
            insert.setString(4, metric.createdByUserId());
            insert.setString(5, metric.createdByProjectId());
            insert.setObject(6, metric.resourceId());
            insert.setString(7, metric.name());
            insert.setString(8, metric.unit());
            if (insert.executeUpdate() == 0) {
                return false;
            }
            buffer.setObject(1, metric.id());
            buffer.executeUpdate();
            return true;
        }
    }

    public Optional<Metric> find(Connection connection, UUID id) throws SQLException {
        return Optional.ofNullable(findAll(connection, List.of(id)).get(id));
    }

    public Map<UUID, Metric> findAll(Connection connection, Collection<UUID> ids) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE m.id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            return readAll(select);
        }
    }

    /** The named metrics of the given resources, keyed by resource id then metric name. */
    public Map<UUID, Map<String, Metric>> findByResources(Connection connection, Collection<UUID> resourceIds)
            throws SQLException {
        Map<UUID, Map<String, Metric>> byResource = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT + " WHERE m.resource_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", resourceIds.toArray()));
            for (Metric metric : readAll(select).values()) {
                byResource
                        .computeIfAbsent(metric.resourceId(), id -> new LinkedHashMap<>())
                        .put(metric.name(), metric);
            }
        }
        return byResource;
    }

    public List<Metric> list(Connection connection, MetricFilter filter, PageRequest page) throws SQLException {
        List<PageRequest.SortKey> sortColumns = PAGINATION.columns(page.sorts());
        List<Object> parameters = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        filter.equalities().forEach((attribute, value) -> {
            conditions.add(COLUMNS.get(attribute) + " = ?");
            parameters.add(value);
        });
        AccessPolicy.Visibility visibility = filter.visibility();
        if (!visibility.everything()) {
            // Gnocchi's metric filter (created by the project) OR its resource filter (owned by it).
            List<String> visible = new ArrayList<>();
            if (visibility.created()) {
                visible.add("m.created_by_project_id = ?");
                parameters.add(visibility.projectId());
            }
            if (visibility.owned()) {
                visible.add("r.project_id = ?");
                parameters.add(visibility.projectId());
            }
            conditions.add("(" + String.join(" OR ", visible) + ")");
        }
        if (page.marker() != null) {
            List<Object> markerValues = markerValues(connection, page.marker(), sortColumns);
            conditions.add(KeysetPagination.after(sortColumns, markerValues, parameters));
        }
        String sql = SELECT + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + KeysetPagination.orderBy(sortColumns) + " LIMIT " + page.limit();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                select.setObject(i + 1, parameters.get(i));
            }
            return new ArrayList<>(readAll(select).values());
        }
    }

    private static List<Object> markerValues(Connection connection, String marker, List<PageRequest.SortKey> columns)
            throws SQLException {
        UUID id = io.meterflow.timeseries.resourceid.ResourceIds.parseUuid(marker)
                .orElseThrow(() -> invalidMarker(marker));
        String sql = "SELECT "
                + String.join(
                        ", ",
                        columns.stream().map(PageRequest.SortKey::attribute).toList())
                + " FROM metric m LEFT JOIN resource r ON r.id = m.resource_id WHERE m.id = ?";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw invalidMarker(marker);
                }
                List<Object> values = new ArrayList<>();
                for (int i = 1; i <= columns.size(); i++) {
                    values.add(row.getObject(i));
                }
                return values;
            }
        }
    }

    private static InvalidInputException invalidMarker(String marker) {
        return InvalidInputException.because("Invalid pagination: `Invalid marker: `" + marker + "''");
    }

    public boolean delete(Connection connection, UUID id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM metric WHERE id = ?")) {
            delete.setObject(1, id);
            return delete.executeUpdate() > 0;
        }
    }

    private Map<UUID, Metric> readAll(PreparedStatement select) throws SQLException {
        Map<UUID, Metric> metrics = new LinkedHashMap<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                UUID id = rows.getObject(1, UUID.class);
                metrics.put(
                        id,
                        new Metric(
                                id,
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getObject(5, UUID.class),
                                rows.getString(6),
                                policies.read(rows, 7)));
            }
        }
        return metrics;
    }
}
