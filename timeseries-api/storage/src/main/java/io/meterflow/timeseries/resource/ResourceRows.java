package io.meterflow.timeseries.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How resource rows are read: the live table and the history as one relation with the same
 * columns (live rows have revision -1 and no revision_end), and the metrics of a set of rows.
 */
public final class ResourceRows {

    /** Every revision, live and past, as relation {@code r}. */
    static final String LIVE = """
            SELECT id, type, original_resource_id, creator, created_by_project_id, user_id, project_id,
                   started_at, ended_at, revision_start, NULL::timestamptz AS revision_end,
                   -1::bigint AS revision, attributes
            FROM resource""";

    static final String WITH_HISTORY = LIVE + """

            UNION ALL
            SELECT id, type, original_resource_id, creator, created_by_project_id, user_id, project_id,
                   started_at, ended_at, revision_start, revision_end, revision, attributes
            FROM resource_history""";
    static final String COLUMNS = """
            r.id, r.type, r.original_resource_id, r.creator, r.user_id, r.project_id, r.started_at, r.ended_at,
            r.revision_start, r.revision_end, r.revision, r.attributes::text""";

    private final ObjectMapper json;

    public ResourceRows(ObjectMapper json) {
        this.json = json;
    }

    List<Resource> read(Connection connection, PreparedStatement select) throws SQLException {
        List<Resource> resources = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                resources.add(new Resource(
                        rows.getObject(1, UUID.class),
                        rows.getString(2),
                        rows.getString(3),
                        rows.getString(4),
                        rows.getString(5),
                        rows.getString(6),
                        instant(rows, 7),
                        instant(rows, 8),
                        instant(rows, 9),
                        instant(rows, 10),
                        rows.getLong(11),
                        attributes(rows.getString(12)),
                        Map.of()));
            }
        }
        Map<UUID, Map<String, UUID>> metrics =
                metrics(connection, resources.stream().map(Resource::id).toList());
        return resources.stream()
                .map(r -> r.withMetrics(metrics.getOrDefault(r.id(), Map.of())))
                .toList();
    }

    /** The named metrics of resources, keyed by resource id then name. */
    Map<UUID, Map<String, UUID>> metrics(Connection connection, Collection<UUID> ids) throws SQLException {
        Map<UUID, Map<String, UUID>> metrics = new HashMap<>();
        if (ids.isEmpty()) {
            return metrics;
        }
        try (PreparedStatement select =
                connection.prepareStatement("SELECT resource_id, name, id FROM metric WHERE resource_id = ANY (?)")) {
            select.setArray(
                    1, connection.createArrayOf("uuid", ids.stream().distinct().toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    metrics.computeIfAbsent(rows.getObject(1, UUID.class), id -> new LinkedHashMap<>())
                            .put(rows.getString(2), rows.getObject(3, UUID.class));
                }
            }
        }
        return metrics;
    }

    private ObjectNode attributes(String text) {
        try {
            return (ObjectNode) json.readTree(text);
        } catch (IOException corrupt) {
            throw new IllegalStateException("resource attributes are not JSON", corrupt);
        }
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
