package io.meterflow.timeseries.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.api.ApiException;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.JsonFields;
import io.meterflow.timeseries.api.QueryParameters;
import io.meterflow.timeseries.auth.AccessPolicy;
import io.meterflow.timeseries.auth.Caller;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.metric.MetricService;
import io.meterflow.timeseries.metric.MetricView;
import io.meterflow.timeseries.resource.ResourceIds;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code POST /v1/aggregates}: Gnocchi's aggregates API over metric ids. The resource-search form
 * ({@code resource_type} + {@code search}, with {@code groupby}) arrives with the resource API.
 */
@Path("/v1/aggregates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public final class AggregatesResource {

    private final MetricService metrics;
    private final AggregatesProcessor processor;
    private final AggregateQuery queries;
    private final JsonBodies bodies;
    private final AccessPolicy access;

    public AggregatesResource(MetricService metrics, AggregatesProcessor processor, AggregateQuery queries,
            JsonBodies bodies, AccessPolicy access) {
        this.metrics = metrics;
        this.processor = processor;
        this.queries = queries;
        this.bodies = bodies;
        this.access = access;
    }

    @POST
    public Map<String, Object> aggregates(@Context SecurityContext security,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type, @QueryParam("start") String start,
            @QueryParam("stop") String stop, @QueryParam("granularity") String granularity,
            @QueryParam("needed_overlap") String neededOverlap, @QueryParam("fill") String fill,
            @QueryParam("details") String details, byte[] body) {
        Caller caller = Caller.from(security);
        boolean withDetails = details != null && QueryParameters.parseBoolean("details", details);
        // Gnocchi's aggregates API drops missing points unless told how to fill or overlap.
        AggregateQuery.Window window = queries.window(start, stop, granularity, neededOverlap,
                fill == null && neededOverlap == null ? "dropna" : fill);
        JsonNode json = bodies.read(type, body);
        JsonFields fields = JsonFields.of(json, Set.of("operations", "resource_type", "search"));
        if (!fields.has("operations")) {
            throw ApiException.invalidInput("required key not provided @ data['operations']", List.of("operations"));
        }
        Operation operations = OperationParser.parse(fields.node("operations"));
        if (fields.has("resource_type")) {
            throw ApiException.badRequest(Map.of("cause", "Not supported yet",
                    "reason", "aggregates over a resource search need the resource API, which is not built yet",
                    "detail", List.of("resource_type")));
        }
        List<Operation.Reference> references = new ArrayList<>(new LinkedHashSet<>(referencesOf(operations)));
        if (references.isEmpty()) {
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("cause", "Operations is invalid");
            description.put("reason", "At least one 'metric' is required");
            description.put("detail", json.get("operations"));
            throw ApiException.badRequest(description);
        }
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (Operation.Reference reference : references) {
            UUID id = ResourceIds.parseUuid(reference.metric()).orElseThrow(() -> invalidReference(references));
            ids.put(reference.metric(), id);
        }
        Map<UUID, Metric> found = metrics.getAll(List.copyOf(new LinkedHashSet<>(ids.values())));
        TreeSet<String> missing = new TreeSet<>();
        ids.values().stream().filter(id -> !found.containsKey(id)).forEach(id -> missing.add(id.toString()));
        if (!missing.isEmpty()) {
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("cause", "Unknown metrics");
            description.put("reason", "Provided metrics don't exists");
            description.put("detail", List.copyOf(missing));
            throw new ApiException(404, description);
        }
        found.values().forEach(metric -> access.requireMetricReader(caller, metric.accessTarget()));
        List<AggregatesProcessor.Reference> resolved = references.stream()
                .map(r -> new AggregatesProcessor.Reference(found.get(ids.get(r.metric())), r.method(), r.metric()))
                .toList();
        Object measures;
        try {
            measures = processor.run(resolved, operations, window.start(), window.stop(), window.granularities(),
                    window.neededOverlap(), window.fill());
        } catch (AggregatesProcessor.MissingAggregationException missingAggregation) {
            Map<String, Object> description = new LinkedHashMap<>();
            description.put("cause", "Metrics with unknown aggregation");
            description.put("detail", List.of(List.of(missingAggregation.metric().id().toString(),
                    missingAggregation.method())));
            throw new ApiException(404, description);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        // Aggregated results come under "aggregated"; per-series ones keyed by metric and method.
        response.put("measures", measures instanceof List<?> rows ? Map.of("aggregated", rows) : measures);
        if (withDetails) {
            response.put("references", found.values().stream().map(MetricView::of).toList());
        }
        return response;
    }

    static List<Operation.Reference> referencesOf(Operation operation) {
        List<Operation.Reference> references = new ArrayList<>();
        collect(operation, references);
        return references;
    }

    private static void collect(Operation operation, List<Operation.Reference> into) {
        if (operation instanceof Operation.Metrics metrics) {
            into.addAll(metrics.references());
        } else if (operation instanceof Operation.Aggregate aggregate) {
            collect(aggregate.operand(), into);
        } else if (operation instanceof Operation.Rolling rolling) {
            collect(rolling.operand(), into);
        } else if (operation instanceof Operation.Resample resample) {
            collect(resample.operand(), into);
        } else if (operation instanceof Operation.Unary unary) {
            collect(unary.operand(), into);
        } else if (operation instanceof Operation.Binary binary) {
            collect(binary.left(), into);
            collect(binary.right(), into);
        } else if (operation instanceof Operation.Clip clip) {
            collect(clip.operand(), into);
            collect(clip.min(), into);
            if (clip.max() != null) {
                collect(clip.max(), into);
            }
        }
    }

    private static ApiException invalidReference(List<Operation.Reference> references) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("cause", "Invalid metric references");
        description.put("reason", "badly formed hexadecimal UUID string");
        description.put("detail", references.stream().map(r -> List.of(r.metric(), r.method())).toList());
        return ApiException.badRequest(description);
    }
}
