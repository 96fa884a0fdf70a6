package io.meterflow.timeseries.api.measure;

import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.api.ApiException;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyItem;
import io.meterflow.timeseries.measure.MeasureReader;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.metric.MetricService;
import io.meterflow.timeseries.resourceid.ResourceIds;
import io.meterflow.timeseries.search.MeasureValueQuery;
import io.meterflow.timeseries.time.Timespans;
import io.meterflow.timeseries.time.Timestamps;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /v1/search/metric?metric_id=...}: the points of some metrics whose value satisfies a
 * query, as Gnocchi answers it ({@code {metric_id: [[timestamp, granularity, value], ...]}}).
 * Unknown metric ids are skipped, as Gnocchi skips them.
 */
@Path("/v1/search/metric")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class MetricSearchResource {

    private final MetricService metrics;
    private final MeasureReader reader;
    private final JsonBodies bodies;
    private final AccessPolicy access;
    private final Timestamps timestamps;

    public MetricSearchResource(
            MetricService metrics,
            MeasureReader reader,
            JsonBodies bodies,
            AccessPolicy access,
            Timestamps timestamps) {
        this.metrics = metrics;
        this.reader = reader;
        this.bodies = bodies;
        this.access = access;
        this.timestamps = timestamps;
    }

    @POST
    public Map<String, List<Object[]>> search(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            byte[] body) {
        Caller caller = Callers.from(security);
        var query = uri.getQueryParameters();
        List<UUID> ids = query.getOrDefault("metric_id", List.of()).stream()
                .map(ResourceIds::parseUuid)
                .flatMap(Optional::stream)
                .toList();
        Map<UUID, Metric> found = metrics.getAll(ids);
        found.values().forEach(metric -> access.requireMetricReader(caller, metric.accessTarget()));
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("No query specified in body");
        }
        MeasureValueQuery predicate = MeasureValueQuery.parse(bodies.read(type, body));
        Long start = bound(query.getFirst("start"), "start");
        Long stop = bound(query.getFirst("stop"), "stop");
        String method = query.getFirst("aggregation") == null ? "mean" : query.getFirst("aggregation");
        List<Long> requested = null;
        if (query.containsKey("granularity")) {
            requested = new ArrayList<>();
            for (String granularity : query.get("granularity")) {
                requested.add(Timespans.parse(granularity, false));
            }
            requested.sort(Comparator.reverseOrder());
        }
        Map<String, List<Object[]>> result = new LinkedHashMap<>();
        for (UUID id : ids) {
            Metric metric = found.get(id);
            if (metric == null || result.containsKey(id.toString())) {
                continue;
            }
            List<Long> granularities = requested != null
                    ? requested
                    : metric.archivePolicy().definition().stream()
                            .map(ArchivePolicyItem::granularity)
                            .sorted(Comparator.reverseOrder())
                            .toList();
            for (long granularity : granularities) {
                if (metric.archivePolicy().itemFor(granularity).isEmpty()) {
                    Map<String, Object> detail = new LinkedHashMap<>();
                    detail.put("granularity", Timespans.toSeconds(granularity));
                    detail.put("aggregation_method", method);
                    throw ApiException.badRequest(Map.of("cause", "Aggregation does not exist", "detail", detail));
                }
            }
            List<Object[]> matching = new ArrayList<>();
            for (MeasureReader.Point point :
                    reader.read(metric, new MeasureReader.Query(method, granularities, start, stop, null))) {
                if (predicate.matches(point.value())) {
                    matching.add(
                            new Object[] {Timestamps.format(point.timestamp()), point.granularity(), point.value()});
                }
            }
            result.put(id.toString(), matching);
        }
        return result;
    }

    private Long bound(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return timestamps.parseOne(value);
        } catch (IllegalArgumentException invalid) {
            throw ApiException.badRequest("Invalid value for " + name);
        }
    }
}
