package io.meterflow.reports.exports;

import io.meterflow.gnocchiclient.GnocchiClient;
import io.meterflow.gnocchiclient.aggregates.AggregatesClient;
import io.meterflow.gnocchiclient.aggregates.AggregatesRequest;
import io.meterflow.gnocchiclient.aggregates.AggregatesResult;
import io.meterflow.gnocchiclient.resource.ResourceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs capacity exports on the Gnocchi v1 API: per metric column, one grouped
 * {@code POST /v1/aggregates} that the server combines per group, whatever the number of resources
 * or days. Gnocchi evaluates only one {@code (aggregate ...)} per request, hence one per column.
 * Stateless; the identity is the client's.
 */
public final class CapacityExporter implements CapacityQuery {

    private final AggregatesClient aggregates;

    public CapacityExporter(AggregatesClient aggregates) {
        this.aggregates = aggregates;
    }

    public CapacityExporter(GnocchiClient gnocchi) {
        this(gnocchi.aggregates());
    }

    @Override
    public ExportTable run(CapacityExport export) {
        List<AggregatesResult> perMetric = new ArrayList<>();
        for (MetricAggregate metric : export.metrics()) {
            perMetric.add(aggregates.aggregate(request(export, metric)));
        }
        return ExportTable.of(export, perMetric);
    }

    /** The query of one column; package-visible so its shape is tested without a server. */
    static AggregatesRequest request(CapacityExport export, MetricAggregate metric) {
        AggregatesRequest request = AggregatesRequest.of(metric.operations())
                .overResources(export.resourceType(), search(export.filter()))
                .from(export.start())
                .until(export.stop())
                .granularity(export.granularity());
        // Resources appear and disappear inside a group (an instance deleted mid-day): a timestamp is
        // kept as long as one of them has a point, where Gnocchi's default would need all of them.
        request = request.neededOverlap(0);
        return export.groupBy().isEmpty()
                ? request
                : request.groupedBy(export.groupBy().toArray(String[]::new));
    }

    private static ResourceQuery search(Map<String, String> filter) {
        if (filter.isEmpty()) {
            return ResourceQuery.all();
        }
        List<ResourceQuery> conditions = new ArrayList<>();
        filter.forEach((attribute, value) -> conditions.add(ResourceQuery.eq(attribute, value)));
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        return ResourceQuery.and(conditions.toArray(ResourceQuery[]::new));
    }
}
