package io.meterflow.timeseries.resource;

import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.paging.KeysetPagination;
import io.meterflow.timeseries.paging.PageRequest;
import io.meterflow.timeseries.resourceid.ResourceIds;
import io.meterflow.timeseries.resourcetype.AttributeIndexes;
import io.meterflow.timeseries.resourcetype.AttributeSchema;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.search.SqlCondition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lists and searches resources of a type, live only or with their history, sorted and paged by
 * keyset (the marker is the last id, or {@code id@revision} with history).
 */
public final class ResourceListing {

    private static final List<String> GENERIC_SORTABLE = List.of(
            "id",
            "type",
            "original_resource_id",
            "creator",
            "user_id",
            "project_id",
            "started_at",
            "ended_at",
            "revision_start",
            "revision_end",
            "revision");

    /** What to list: a type, a compiled filter, history or not. */
    public record Query(ResourceType type, SqlCondition filter, boolean history, PageRequest page) {}

    private final ResourceRows rows;

    public ResourceListing(ResourceRows rows) {
        this.rows = rows;
    }

    public List<Resource> list(Connection connection, Query query) throws SQLException {
        List<PageRequest.SortKey> sorts = new ArrayList<>(query.page().sorts());
        if (query.history()) {
            addTieBreaker(sorts, "id");
            addTieBreaker(sorts, "revision");
        }
        List<PageRequest.SortKey> columns = pagination(query.type()).columns(sorts);
        String source = "(" + (query.history() ? ResourceRows.WITH_HISTORY : ResourceRows.LIVE) + ") r";
        List<Object> parameters = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        conditions.add(where(query, parameters));
        if (query.page().marker() != null) {
            List<Object> marker = markerValues(connection, source, query, columns);
            conditions.add(KeysetPagination.after(columns, marker, parameters));
        }
        String sql = "SELECT " + ResourceRows.COLUMNS + " FROM " + source + " WHERE "
                + String.join(" AND ", conditions) + KeysetPagination.orderBy(columns)
                + " LIMIT " + query.page().limit();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            return rows.read(connection, select);
        }
    }

    /** The ids of the live resources of a type matching a filter, locked for deletion. */
    public List<UUID> matchingIds(Connection connection, ResourceType type, SqlCondition filter) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT r.id FROM (" + ResourceRows.LIVE + ") r WHERE "
                + where(new Query(type, filter, false, null), parameters);
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            bind(select, parameters);
            try (ResultSet found = select.executeQuery()) {
                while (found.next()) {
                    ids.add(found.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private static String where(Query query, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (!query.type().name().equals(ResourceType.GENERIC)) {
            conditions.add(AttributeIndexes.typeCondition("r.type", query.type().name()));
        }
        conditions.add(query.filter().sql());
        parameters.addAll(query.filter().parameters());
        return "(" + String.join(" AND ", conditions) + ")";
    }

    private static void addTieBreaker(List<PageRequest.SortKey> sorts, String attribute) {
        if (sorts.stream().noneMatch(s -> s.attribute().equals(attribute))) {
            sorts.add(new PageRequest.SortKey(attribute, false));
        }
    }

    private static KeysetPagination pagination(ResourceType type) {
        Map<String, String> sortable = new HashMap<>();
        GENERIC_SORTABLE.forEach(name -> sortable.put(name, "r." + name));
        for (AttributeSchema attribute : type.attributes()) {
            sortable.put(attribute.name(), attribute.sqlExpression("r"));
        }
        return new KeysetPagination(sortable, "r.id");
    }

    private static List<Object> markerValues(
            Connection connection, String source, Query query, List<PageRequest.SortKey> columns) throws SQLException {
        String marker = query.page().marker();
        String idPart = marker;
        Long revision = null;
        if (query.history()) {
            int at = marker.indexOf('@');
            try {
                idPart = at < 0 ? null : marker.substring(0, at);
                revision = at < 0 ? null : Long.parseLong(marker.substring(at + 1));
            } catch (NumberFormatException invalid) {
                idPart = null;
            }
        }
        UUID id = idPart == null ? null : ResourceIds.parseUuid(idPart).orElse(null);
        if (id == null) {
            throw invalidMarker(marker);
        }
        String sql = "SELECT "
                + String.join(
                        ", ",
                        columns.stream().map(PageRequest.SortKey::attribute).toList()) + " FROM " + source
                + " WHERE r.id = ?" + (revision != null ? " AND r.revision = ?" : "");
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, id);
            if (revision != null) {
                select.setLong(2, revision);
            }
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

    private static void bind(PreparedStatement select, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            select.setObject(i + 1, parameters.get(i));
        }
    }

    private static InvalidInputException invalidMarker(String marker) {
        return InvalidInputException.because("Invalid pagination: `Invalid marker: `" + marker + "''");
    }
}
