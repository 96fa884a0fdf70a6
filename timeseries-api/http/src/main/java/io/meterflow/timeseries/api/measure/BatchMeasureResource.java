package io.meterflow.timeseries.api.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.aggregation.Measure;
import io.meterflow.timeseries.api.ApiException;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.QueryParameters;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.measure.MeasureIntake;
import io.meterflow.timeseries.measure.MeasuresParser;
import io.meterflow.timeseries.measure.ResourceMeasuresBatch;
import io.meterflow.timeseries.measure.StreamedBatchReader;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.metric.MetricService;
import io.meterflow.timeseries.resourceid.ResourceIds;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code /v1/batch/...}: measures for many metrics in one request, all accepted or none. The
 * resource form may create missing metrics ({@code create_metrics=true}), in the same transaction.
 */
@Path("/v1/batch")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class BatchMeasureResource {

    private final MetricService metrics;
    private final ResourceMeasuresBatch resourceBatches;
    private final MeasuresParser parser;
    private final MeasureIntake intake;
    private final JsonBodies bodies;
    private final AccessPolicy access;
    private final StreamedBatchReader streamed;

    public BatchMeasureResource(
            MetricService metrics,
            ResourceMeasuresBatch resourceBatches,
            MeasuresParser parser,
            MeasureIntake intake,
            JsonBodies bodies,
            AccessPolicy access) {
        this.metrics = metrics;
        this.resourceBatches = resourceBatches;
        this.parser = parser;
        this.intake = intake;
        this.bodies = bodies;
        this.access = access;
        this.streamed = new StreamedBatchReader(bodies.factory());
    }

    @POST
    @Path("metrics/measures")
    public Response byMetric(
            @Context SecurityContext security, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, byte[] body) {
        JsonBodies.requireJson(type);
        Map<UUID, List<Measure>> measures =
                streamed.read(body).map(this::measuresOf).orElseGet(() -> measuresOf(bodies.read(type, body)));
        if (measures.isEmpty()) {
            return Response.accepted().build();
        }
        Map<UUID, Metric> known = metrics.getAll(new ArrayList<>(measures.keySet()));
        if (known.size() != measures.size()) {
            TreeSet<String> missing = new TreeSet<>();
            measures.keySet().stream().filter(id -> !known.containsKey(id)).forEach(id -> missing.add(id.toString()));
            throw ApiException.badRequest("Unknown metrics: " + String.join(", ", missing));
        }
        Caller caller = Callers.from(security);
        Map<Metric, List<Measure>> batch = new LinkedHashMap<>();
        known.forEach((id, metric) -> {
            access.requireMetricWriter(caller, metric.accessTarget());
            batch.put(metric, measures.get(id));
        });
        intake.accept(batch);
        return Response.accepted().build();
    }

    private Map<UUID, List<Measure>> measuresOf(Map<String, StreamedBatchReader.RawMeasures> batch) {
        Map<UUID, List<Measure>> measures = new LinkedHashMap<>();
        batch.forEach(
                (key, raw) -> measures.put(metricId(key), parser.parse(raw.timestamps(), raw.values(), List.of(key))));
        return measures;
    }

    private Map<UUID, List<Measure>> measuresOf(JsonNode json) {
        if (!json.isObject()) {
            throw ApiException.invalidInput("expected a dictionary", List.of());
        }
        Map<UUID, List<Measure>> measures = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = json.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            measures.put(metricId(entry.getKey()), parser.parse(entry.getValue(), List.of(entry.getKey())));
        }
        return measures;
    }

    private static UUID metricId(String key) {
        return ResourceIds.parseUuid(key)
                .orElseThrow(
                        () -> ApiException.invalidInput("extra keys not allowed @ data['" + key + "']", List.of(key)));
    }

    @POST
    @Path("resources/metrics/measures")
    public Response byResource(
            @Context SecurityContext security,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @QueryParam("create_metrics") String createMetrics,
            byte[] body) {
        boolean create = createMetrics != null && QueryParameters.parseBoolean("create_metrics", createMetrics);
        Caller caller = Callers.from(security);
        JsonNode json = bodies.read(type, body);
        resourceBatches.write(caller, resourceBatches.parse(caller, json), create);
        return Response.accepted().build();
    }
}
