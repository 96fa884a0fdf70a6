package io.meterflow.timeseries.paging;

import io.meterflow.timeseries.failure.InvalidInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gnocchi's pagination options: {@code limit} (clamped to the server's max_limit), {@code marker}
 * (the id of the last item seen) and {@code sort} keys {@code attr[:asc|:desc]}, repeated.
 */
public record PageRequest(int limit, String marker, List<SortKey> sorts, List<String> rawSorts) {

    /** A sort key; {@code nullsFirst} defaults to PostgreSQL's: last ascending, first descending. */
    public record SortKey(String attribute, boolean descending, boolean nullsFirst) {
        public SortKey(String attribute, boolean descending) {
            this(attribute, descending, descending);
        }
    }

    /** Reads the options from a request's query parameters, each name with its values in order. */
    public static PageRequest from(Map<String, List<String>> query, int maxLimit, List<String> defaultSorts) {
        int limit = maxLimit;
        String limitText = first(query, "limit");
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.trim());
            } catch (NumberFormatException invalid) {
                throw argumentError("expected int for dictionary value @ data['limit']");
            }
            if (limit < 1) {
                throw argumentError("value must be at least 1 for dictionary value @ data['limit']");
            }
            limit = Math.min(limit, maxLimit);
        }
        List<String> rawSorts = query.containsKey("sort") ? query.get("sort") : defaultSorts;
        List<SortKey> sorts = new ArrayList<>();
        for (String sort : rawSorts) {
            sorts.add(parseSort(sort));
        }
        return new PageRequest(limit, first(query, "marker"), sorts, List.copyOf(rawSorts));
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static SortKey parseSort(String sort) {
        String[] parts = sort.split(":", 2);
        if (parts.length == 1) {
            return new SortKey(parts[0], false);
        }
        return switch (parts[1]) {
            case "asc" -> new SortKey(parts[0], false);
            case "desc" -> new SortKey(parts[0], true);
            case "asc-nullsfirst" -> new SortKey(parts[0], false, true);
            case "asc-nullslast" -> new SortKey(parts[0], false, false);
            case "desc-nullsfirst" -> new SortKey(parts[0], true, true);
            case "desc-nullslast" -> new SortKey(parts[0], true, false);
            default ->
                throw InvalidInputException.because("Invalid pagination: `Unknown sort direction, must be one of: "
                        + "asc-nullsfirst, asc-nullslast, desc-nullsfirst, desc-nullslast'");
        };
    }

    private static InvalidInputException argumentError(String reason) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("cause", "Argument value error");
        detail.put("reason", reason);
        return InvalidInputException.explained(detail);
    }
}
