package io.meterflow.timeseries.paging;

import io.meterflow.timeseries.failure.InvalidInputException;
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
                throw InvalidInputException.because(
                        "Invalid pagination: `Sort key supplied is invalid: " + sort.attribute() + "'");
            }
            hasId |= column.equals(idColumn);
            columns.add(new PageRequest.SortKey(column, sort.descending(), sort.nullsFirst()));
        }
        if (!hasId) {
            columns.add(new PageRequest.SortKey(idColumn, false));
        }
        return columns;
    }

    public static String orderBy(List<PageRequest.SortKey> columns) {
        return " ORDER BY "
                + String.join(
                        ", ",
                        columns.stream()
                                .map(c -> c.attribute()
                                        + (c.descending() ? " DESC" : " ASC")
                                        + (c.nullsFirst() ? " NULLS FIRST" : " NULLS LAST"))
                                .toList());
    }

    /**
     * A condition true for rows after the marker row in the sort order; the marker's values are
     * added to {@code parameters} in the order the condition uses them.
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
            String column = key.attribute();
            if (marker == null) {
                // NULLs sort together at one end: after them come the non-NULLs, or nothing.
                clause.append(key.nullsFirst() ? column + " IS NOT NULL" : "FALSE");
            } else {
                clause.append("(").append(column).append(key.descending() ? " < ?" : " > ?");
                parameters.add(marker);
                clause.append(key.nullsFirst() ? ")" : " OR " + column + " IS NULL)");
            }
            alternatives.add(clause.append(")").toString());
        }
        return "(" + String.join(" OR ", alternatives) + ")";
    }
}
