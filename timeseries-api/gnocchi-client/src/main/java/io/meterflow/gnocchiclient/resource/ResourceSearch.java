package io.meterflow.gnocchiclient.resource;

import io.meterflow.gnocchiclient.internal.QueryString;
import java.util.List;
import java.util.Objects;

/**
 * One {@code POST /v1/search/resource/{type}}: which resources, and which page of them.
 *
 * @param resourceType type to search; {@code generic} searches every type on common attributes
 * @param query        the condition
 * @param limit        page size (null: the server's default; it caps it at its {@code max_limit})
 * @param marker       id of the last resource of the previous page (null: first page)
 * @param sort         keys such as {@code started_at:asc}, {@code id:desc}
 * @param details      with a {@code generic} search, also each resource's type-specific attributes
 * @param history      every revision of each resource instead of its current state
 */
public record ResourceSearch(
        String resourceType,
        ResourceQuery query,
        Integer limit,
        String marker,
        List<String> sort,
        boolean details,
        boolean history) {

    public ResourceSearch {
        if (resourceType == null || resourceType.isBlank()) {
            throw new IllegalArgumentException("resource type must not be blank");
        }
        Objects.requireNonNull(query, "query");
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        if (marker != null && marker.isBlank()) {
            throw new IllegalArgumentException("marker must not be blank");
        }
        sort = List.copyOf(sort == null ? List.of() : sort);
        for (String key : sort) {
            if (key.isBlank() || key.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(
                        "sort key must be 'attribute' or 'attribute:asc|desc', got '" + key + "'");
            }
        }
    }

    /** The first page of resources of {@code resourceType} matching {@code query}, server defaults otherwise. */
    public static ResourceSearch of(String resourceType, ResourceQuery query) {
        return new ResourceSearch(resourceType, query, null, null, List.of(), false, false);
    }

    public ResourceSearch limit(int pageSize) {
        return new ResourceSearch(resourceType, query, pageSize, marker, sort, details, history);
    }

    /** The page after the resource with id {@code lastId}. */
    public ResourceSearch after(String lastId) {
        return new ResourceSearch(resourceType, query, limit, lastId, sort, details, history);
    }

    public ResourceSearch sortedBy(String... keys) {
        return new ResourceSearch(resourceType, query, limit, marker, List.of(keys), details, history);
    }

    public ResourceSearch withDetails() {
        return new ResourceSearch(resourceType, query, limit, marker, sort, true, history);
    }

    public ResourceSearch withHistory() {
        return new ResourceSearch(resourceType, query, limit, marker, sort, details, true);
    }

    QueryString toQueryString() {
        return QueryString.empty()
                .with("limit", limit)
                .with("marker", marker)
                .withEach("sort", sort)
                .withFlag("details", details)
                .withFlag("history", history);
    }
}
