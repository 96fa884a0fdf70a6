package io.meterflow.timeseries.api.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.aggregates.AggregatesProcessor;
import io.meterflow.timeseries.aggregates.Operation;
import io.meterflow.timeseries.aggregation.Resampling;
import io.meterflow.timeseries.api.ApiException;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.QueryParameters;
import io.meterflow.timeseries.api.Refreshes;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.measure.Backlog;
import io.meterflow.timeseries.measure.MeasureReader;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.metric.MetricService;
import io.meterflow.timeseries.resourceid.ResourceIds;
import io.meterflow.timeseries.time.Timespans;
import io.meterflow.timeseries.time.Timestamps;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.UUID;

/**
 * {@code /v1/aggregation/metric}: the aggregation API older clients still call, across metrics
 * given by id. It is the aggregates engine with a fixed operation:
 * {@code (aggregate reaggregation [(resample aggregation R] (metric (id aggregation)...))}.
 */
@Path("/v1/aggregation/metric")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class AggregationResource {

    private final MetricService metrics;
    private final AggregatesProcessor processor;
    private final MeasureReader reader;
    private final AggregateQuery queries;
    private final JsonBodies bodies;
    private final AccessPolicy access;
    private final Backlog backlog;

    public AggregationResource(
            MetricService metrics,
            AggregatesProcessor processor,
            MeasureReader reader,
            AggregateQuery queries,
            JsonBodies bodies,
            AccessPolicy access,
            Backlog backlog) {
        this.backlog = backlog;
        this.metrics = metrics;
        this.processor = processor;
        this.reader = reader;
        this.queries = queries;
        this.bodies = bodies;
        this.access = access;
    }

    @GET
    public List<Object[]> get(@Context SecurityContext security, @Context UriInfo uri) {
        List<String> ids = uri.getQueryParameters().getOrDefault("metric", List.of());
        List<UUID> parsed = new ArrayList<>();
        for (String id : ids) {
            parsed.add(ResourceIds.parseUuid(id)
                    .orElseThrow(() -> ApiException.badRequest(
                            "Invalid input: badly formed hexadecimal UUID string @ data[" + ids.indexOf(id) + "]")));
        }
        return aggregate(Callers.from(security), parsed, uri);
    }

    @POST
    public List<Object[]> post(
            @Context SecurityContext security,
            @Context UriInfo uri,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            byte[] body) {
        JsonNode json = bodies.read(type, body);
        if (!json.isArray()) {
            throw ApiException.invalidInput("expected a list", List.of());
        }
        List<UUID> parsed = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            int index = i;
            parsed.add(ResourceIds.parseUuid(json.get(i).asText())
                    .orElseThrow(() -> ApiException.invalidInput(
                            "badly formed hexadecimal UUID string @ data[" + index + "]",
                            List.of(Integer.toString(index)))));
        }
        return aggregate(Callers.from(security), parsed, uri);
    }

    private List<Object[]> aggregate(Caller caller, List<UUID> ids, UriInfo uri) {
        Map<UUID, Metric> found = metrics.getAll(ids);
        for (UUID id : ids) {
            if (!found.containsKey(id)) {
                throw MetricService.noSuchMetric(id.toString());
            }
        }
        return aggregateMetrics(caller, ids.stream().distinct().map(found::get).toList(), uri.getQueryParameters());
    }

    /** Aggregates these metrics with the query's aggregation, reaggregation, window and fill. */
    List<Object[]> aggregateMetrics(
            Caller caller, List<Metric> selected, jakarta.ws.rs.core.MultivaluedMap<String, String> query) {
        String aggregation = query.getFirst("aggregation") == null ? "mean" : query.getFirst("aggregation");
        String reaggregation = query.getFirst("reaggregation") == null ? aggregation : query.getFirst("reaggregation");
        AggregateQuery.Window window = queries.window(
                query.getFirst("start"),
                query.getFirst("stop"),
                query.getFirst("granularity"),
                query.getFirst("needed_overlap"),
                query.getFirst("fill"));
        selected.forEach(metric -> access.requireMetricReader(caller, metric.accessTarget()));
        if (selected.isEmpty()) {
            return List.of();
        }
        Resampling resample = null;
        if (query.getFirst("resample") != null) {
            if (window.granularities() == null) {
                throw ApiException.badRequest("A granularity must be specified to resample");
            }
            try {
                resample = Resampling.parse(query.getFirst("resample"), text -> Timespans.parse(text, false));
            } catch (IllegalArgumentException invalid) {
                throw ApiException.badRequest(invalid.getMessage());
            }
        }
        List<AggregatesProcessor.Reference> references = selected.stream()
                .map(metric -> new AggregatesProcessor.Reference(
                        metric, aggregation, metric.id().toString()))
                .toList();
        List<Long> granularities = window.granularities() == null
                ? AggregatesProcessor.commonGranularities(references)
                : window.granularities();
        for (Metric metric : selected) {
            for (long granularity : granularities) {
                if (metric.archivePolicy().itemFor(granularity).isEmpty()) {
                    throw ApiException.notFound("Aggregation method '" + aggregation + "' at granularity '"
                            + Timespans.toSeconds(granularity) + "' for metric " + metric.id() + " does not exist");
                }
            }
        }
        if (query.getFirst("refresh") != null && QueryParameters.parseBoolean("refresh", query.getFirst("refresh"))) {
            selected.forEach(metric -> Refreshes.await(backlog, metric.id()));
        }
        if (selected.size() == 1) {
            // One metric: exactly its own read; fill and needed_overlap do not apply.
            Metric metric = selected.get(0);
            if (!metric.archivePolicy().aggregationMethods().contains(aggregation)) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("metric", metric.id().toString());
                detail.put("aggregation_method", aggregation);
                Map<String, Object> description = new LinkedHashMap<>();
                description.put("cause", "Aggregation method does not exist for this metric");
                description.put("detail", detail);
                throw new ApiException(404, description);
            }
            List<Long> descending =
                    granularities.stream().sorted(Comparator.reverseOrder()).toList();
            return reader
                    .read(
                            selected.get(0),
                            new MeasureReader.Query(aggregation, descending, window.start(), window.stop(), resample))
                    .stream()
                    .map(p -> new Object[] {Timestamps.format(p.timestamp()), p.granularity(), p.value()})
                    .toList();
        }
        Operation series = new Operation.Metrics(references.stream()
                .map(r -> new Operation.Reference(r.name(), r.method()))
                .toList());
        if (resample != null) {
            series = new Operation.Resample(aggregation, resample, series);
        }
        Operation operation = new Operation.Aggregate(reaggregation, series);
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = (List<Object[]>) processor.run(
                    references,
                    operation,
                    window.start(),
                    window.stop(),
                    granularities,
                    window.neededOverlap(),
                    window.fill());
            return rows;
        } catch (AggregatesProcessor.MissingAggregationException missing) {
            throw ApiException.notFound(missing.getMessage());
        }
    }
}
