package io.meterflow.timeseries.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQL for sorting and for "rows after the marker" over several sort keys with mixed directions,
 * the way PostgreSQL orders NULLs (last ascending, first descending). Column expressions come
 * from a fixed map of sortable attributes, never from the request.
 */
public final class KeysetPagination {

    private final Map<String, String> sortableColumns;
    private final String idColumn;

    public KeysetPagination(Map<String, String> sortableColumns, String idColumn) {
        this.sortableColumns = Map.copyOf(sortableColumns);
        this.idColumn = idColumn;
    }

    /** The sort keys as columns, with the id appended as tie-breaker so the order is total. */
    public List<PageRequest.SortKey> columns(List<PageRequest.SortKey> sorts) {
        List<PageRequest.SortKey> columns = new ArrayList<>();
        boolean hasId = false;
        for (PageRequest.SortKey sort : sorts) {
            String column = sortableColumns.get(sort.attribute());
            if (column == null) {
                throw ApiException.badRequest("Invalid pagination: `Sort key supplied is invalid: "
                        + sort.attribute() + "'");
            }
            hasId |= column.equals(idColumn);
            columns.add(new PageRequest.SortKey(column, sort.descending()));
        }
        if (!hasId) {
            columns.add(new PageRequest.SortKey(idColumn, false));
        }
        return columns;
    }

    public static String orderBy(List<PageRequest.SortKey> columns) {
        return " ORDER BY " + String.join(", ", columns.stream()
                .map(c -> c.attribute() + (c.descending() ? " DESC" : " ASC")).toList());
    }

    /**
     * A condition true for rows after the marker row; the marker's values are bound as
     * parameters, two per key (value, value), in key order, from {@code markerValues}.
     */
    public static String after(List<PageRequest.SortKey> columns, List<Object> markerValues, List<Object> parameters) {
        List<String> alternatives = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            StringBuilder clause = new StringBuilder("(");
            for (int j = 0; j < i; j++) {
                clause.append(columns.get(j).attribute()).append(" IS NOT DISTINCT FROM ? AND ");
                parameters.add(markerValues.get(j));
            }
            PageRequest.SortKey key = columns.get(i);
            Object marker = markerValues.get(i);
            if (marker == null) {
                clause.append(key.descending() ? key.attribute() + " IS NOT NULL" : "FALSE");
            } else if (key.descending()) {
                clause.append(key.attribute()).append(" < ?");
                parameters.add(marker);
            } else {
                clause.append("(").append(key.attribute()).append(" > ? OR ").append(key.attribute())
                        .append(" IS NULL)");
                parameters.add(marker);
            }
            alternatives.add(clause.append(")").toString());
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }
}
