package io.meterflow.gnocchiclient.aggregates;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.gnocchiclient.internal.GnocchiTimestamps;
import io.meterflow.gnocchiclient.internal.QueryString;
import io.meterflow.gnocchiclient.resource.ResourceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One {@code POST /v1/aggregates}. Resampling is part of {@code operations}
 * ({@code (resample mean 3600 (metric cpu mean))}): Gnocchi's /v1/aggregates has no resample parameter.
 *
 * @param operations    the operations expression, e.g. {@code (aggregate sum (metric cpu mean))}
 * @param resourceType  with {@code search}: the type searched ({@code generic} by default)
 * @param search        resources whose metrics {@code operations} names (null: operations name metric ids)
 * @param groupBy       resource attributes to group by, e.g. {@code project_id}; needs a search
 * @param start         first timestamp (null: from the oldest)
 * @param stop          timestamps before this (null: to the newest)
 * @param granularity   one granularity (null: every granularity the series share)
 * @param neededOverlap percentage of series that must have a point for a timestamp to be kept (0–100; null: 100)
 * @param fill          how to fill missing points (null: no filling)
 * @param details       also answer the metrics or resources the aggregation used ({@code references})
 * @param useHistory    with groupby, group resource revisions, each with the measures of its own
 *                      time (Gnocchi 4.5's {@code use_history}; older servers do not know it)
 */
public record AggregatesRequest(
        String operations,
        String resourceType,
        ResourceQuery search,
        List<String> groupBy,
        Instant start,
        Instant stop,
        Duration granularity,
        Double neededOverlap,
        Fill fill,
        boolean details,
        boolean useHistory) {

    public AggregatesRequest {
        if (operations == null || operations.isBlank()) {
            throw new IllegalArgumentException("operations must not be blank");
        }
        resourceType = resourceType == null ? "generic" : resourceType;
        groupBy = List.copyOf(groupBy == null ? List.of() : groupBy);
        if (!groupBy.isEmpty() && search == null) {
            throw new IllegalArgumentException("groupby groups resources: it needs a resource search");
        }
        if (groupBy.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("groupby attributes must not be blank: " + groupBy);
        }
        if (start != null && stop != null && !stop.isAfter(start)) {
            throw new IllegalArgumentException("stop " + stop + " must be after start " + start);
        }
        if (granularity != null && (granularity.isNegative() || granularity.isZero())) {
            throw new IllegalArgumentException("granularity must be positive, got " + granularity);
        }
        if (neededOverlap != null && !(neededOverlap >= 0 && neededOverlap <= 100)) {
            throw new IllegalArgumentException("needed overlap is a percentage from 0 to 100, got " + neededOverlap);
        }
    }

    /** Operations on metrics named by id, every option at Gnocchi's default. */
    public static AggregatesRequest of(String operations) {
        return new AggregatesRequest(operations, null, null, List.of(), null, null, null, null, null, false, false);
    }

    /** Operations on the metrics of the resources of {@code type} matching {@code query}. */
    public AggregatesRequest overResources(String type, ResourceQuery query) {
        return new AggregatesRequest(
                operations, type, query, groupBy, start, stop, granularity, neededOverlap, fill, details, useHistory);
    }

    public AggregatesRequest groupedBy(String... attributes) {
        return new AggregatesRequest(
                operations,
                resourceType,
                search,
                List.of(attributes),
                start,
                stop,
                granularity,
                neededOverlap,
                fill,
                details,
                useHistory);
    }

    public AggregatesRequest from(Instant newStart) {
        return new AggregatesRequest(
                operations,
                resourceType,
                search,
                groupBy,
                newStart,
                stop,
                granularity,
                neededOverlap,
                fill,
                details,
                useHistory);
    }

    public AggregatesRequest until(Instant newStop) {
        return new AggregatesRequest(
                operations,
                resourceType,
                search,
                groupBy,
                start,
                newStop,
                granularity,
                neededOverlap,
                fill,
                details,
                useHistory);
    }

    public AggregatesRequest granularity(Duration newGranularity) {
        return new AggregatesRequest(
                operations,
                resourceType,
                search,
                groupBy,
                start,
                stop,
                newGranularity,
                neededOverlap,
                fill,
                details,
                useHistory);
    }

    public AggregatesRequest neededOverlap(double percent) {
        return new AggregatesRequest(
                operations,
                resourceType,
                search,
                groupBy,
                start,
                stop,
                granularity,
                percent,
                fill,
                details,
                useHistory);
    }

    public AggregatesRequest fill(Fill newFill) {
        return new AggregatesRequest(
                operations,
                resourceType,
                search,
                groupBy,
                start,
                stop,
                granularity,
                neededOverlap,
                newFill,
                details,
                useHistory);
    }

    public AggregatesRequest withDetails() {
        return new AggregatesRequest(
                operations,
                resourceType,
                search,
                groupBy,
                start,
                stop,
                granularity,
                neededOverlap,
                fill,
                true,
                useHistory);
    }

    /** Groups by resource revision: a past period with the attributes resources had then. */
    public AggregatesRequest withHistory() {
        if (groupBy.isEmpty()) {
            throw new IllegalStateException("use_history groups revisions: it needs a groupby");
        }
        return new AggregatesRequest(
                operations,
                resourceType,
                search,
                groupBy,
                start,
                stop,
                granularity,
                neededOverlap,
                fill,
                details,
                true);
    }

    ObjectNode toBody() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("operations", operations);
        if (search != null) {
            body.put("resource_type", resourceType);
            body.set("search", search.toJson());
        }
        return body;
    }

    QueryString toQueryString() {
        return QueryString.empty()
                .with("start", start)
                .with("stop", stop)
                .with("granularity", granularity == null ? null : GnocchiTimestamps.seconds(granularity))
                .with("needed_overlap", neededOverlap)
                .with("fill", fill == null ? null : fill.parameter())
                .withEach("groupby", groupBy)
                .withFlag("details", details)
                .withFlag("use_history", useHistory);
    }
}
