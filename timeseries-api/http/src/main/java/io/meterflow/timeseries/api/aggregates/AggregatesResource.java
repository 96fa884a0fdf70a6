package io.meterflow.timeseries.api.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.aggregates.AggregatesProcessor;
import io.meterflow.timeseries.aggregates.Operation;
import io.meterflow.timeseries.aggregates.OperationParser;
import io.meterflow.timeseries.api.ApiException;
import io.meterflow.timeseries.api.JsonBodies;
import io.meterflow.timeseries.api.QueryParameters;
import io.meterflow.timeseries.api.auth.Callers;
import io.meterflow.timeseries.api.metric.MetricView;
import io.meterflow.timeseries.api.resource.ResourceSearches;
import io.meterflow.timeseries.api.resource.ResourceView;
import io.meterflow.timeseries.failure.NotFoundException;
import io.meterflow.timeseries.input.JsonFields;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.metric.MetricService;
import io.meterflow.timeseries.resource.Resource;
import io.meterflow.timeseries.resourceid.ResourceIds;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.resourcetype.ResourceTypeService;
import io.meterflow.timeseries.search.SearchQuery;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * {@code POST /v1/aggregates}: Gnocchi's aggregates API, over metric ids or over the named
 * metrics of the resources a search finds ({@code resource_type} + {@code search}, {@code groupby}).
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

    private final ResourceAggregates resources;
    private final ResourceSearches searches;
    private final ResourceTypeService types;

    public AggregatesResource(
            MetricService metrics,
            AggregatesProcessor processor,
            AggregateQuery queries,
            JsonBodies bodies,
            AccessPolicy access,
            ResourceAggregates resources,
            ResourceSearches searches,
            ResourceTypeService types) {
        this.resources = resources;
        this.searches = searches;
        this.types = types;
        this.metrics = metrics;
        this.processor = processor;
        this.queries = queries;
        this.bodies = bodies;
        this.access = access;
    }

    @POST
    public Object aggregates(
            @Context SecurityContext security,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
            @QueryParam("start") String start,
            @QueryParam("stop") String stop,
            @QueryParam("granularity") String granularity,
            @QueryParam("needed_overlap") String neededOverlap,
            @QueryParam("fill") String fill,
            @QueryParam("details") String details,
            @QueryParam("groupby") List<String> groupby,
            @QueryParam("use_history") String useHistory,
            byte[] body) {
        Caller caller = Callers.from(security);
        boolean withDetails = details != null && QueryParameters.parseBoolean("details", details);
        boolean history = useHistory != null && QueryParameters.parseBoolean("use_history", useHistory);
        // Gnocchi's aggregates API drops missing points unless told how to fill or overlap.
        AggregateQuery.Window window = queries.window(
                start, stop, granularity, neededOverlap, fill == null && neededOverlap == null ? "dropna" : fill);
        JsonNode json = bodies.read(type, body);
        JsonFields fields = JsonFields.of(json, Set.of("operations", "resource_type", "search"));
        if (!fields.has("operations")) {
            throw ApiException.invalidInput("required key not provided @ data['operations']", List.of("operations"));
        }
        Operation operations = OperationParser.parse(fields.node("operations"));
        List<Operation.Reference> references = new ArrayList<>(new LinkedHashSet<>(referencesOf(operations)));
        if (fields.has("resource_type")) {
            if (references.isEmpty()) {
                throw noMetricReference(json);
            }
            return byResources(caller, fields, operations, references, window, withDetails, groupby, history);
        }
        if (references.isEmpty()) {
            throw noMetricReference(json);
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
            measures = processor.run(
                    resolved,
                    operations,
                    window.start(),
                    window.stop(),
                    window.granularities(),
                    window.neededOverlap(),
                    window.fill());
        } catch (AggregatesProcessor.MissingAggregationException missingAggregation) {
            throw unknownAggregation(missingAggregation);
        }
        Map<String, Object> response = new LinkedHashMap<>();
        // Aggregated results come under "aggregated"; per-series ones keyed by metric and method.
        response.put("measures", measures instanceof List<?> rows ? Map.of("aggregated", rows) : measures);
        if (withDetails) {
            response.put(
                    "references", found.values().stream().map(MetricView::of).toList());
        }
        return response;
    }

    private static ApiException noMetricReference(JsonNode json) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("cause", "Operations is invalid");
        description.put("reason", "At least one 'metric' is required");
        description.put("detail", json.get("operations"));
        return ApiException.badRequest(description);
    }

    /**
     * The {@code resource_type} + {@code search} form: references name metrics of the resources
     * found (patterns allowed); with {@code groupby}, one answer per group of resources.
     */
    private Object byResources(
            Caller caller,
            JsonFields fields,
            Operation operations,
            List<Operation.Reference> references,
            AggregateQuery.Window window,
            boolean withDetails,
            List<String> groupby,
            boolean history) {
        String typeName = fields.requiredString("resource_type");
        ResourceType type;
        try {
            type = types.get(typeName);
        } catch (NotFoundException unknown) {
            throw ApiException.badRequest(unknown.getMessage());
        }
        if (!fields.has("search")) {
            throw ApiException.invalidInput("required key not provided @ data['search']", List.of("search"));
        }
        JsonNode search = fields.node("search");
        Optional<SearchQuery> query = search.isTextual()
                ? searches.filter(caller, null, search.asText())
                : searches.filter(caller, search, null);
        boolean grouped = groupby != null && !groupby.isEmpty();
        // History only splits groups: without groupby every revision of a resource would add its metrics again.
        List<ResourceAggregates.Group> groups = grouped && history
                ? resources.groupsOfRevisions(caller, type, query, groupby)
                : resources.groups(caller, type, query, grouped ? groupby : List.of());
        if (!grouped) {
            List<Resource> all = groups.isEmpty() ? List.of() : groups.get(0).resources();
            return measuresOf(caller, type, all, operations, references, window, withDetails)
                    .orElseThrow(() -> metricsNotFound(references));
        }
        // Every group's metrics are resolved, and every series read, at once: a groupby by resource
        // id over a project's hundreds of resources (CloudKitty's collector) must not cost a query
        // per group.
        List<Resource> all = new ArrayList<>();
        groups.forEach(group -> all.addAll(group.resources()));
        List<Map<UUID, List<Metric>>> metricsByReference = new ArrayList<>();
        for (Operation.Reference reference : references) {
            Map<UUID, List<Metric>> byResource = new HashMap<>();
            for (Metric metric : resources.matching(all, reference.metric())) {
                byResource
                        .computeIfAbsent(metric.resourceId(), id -> new ArrayList<>())
                        .add(metric);
            }
            metricsByReference.add(byResource);
        }
        List<ResourceAggregates.Group> answered = new ArrayList<>();
        List<Map<UUID, Resource>> usedByGroup = new ArrayList<>();
        List<AggregatesProcessor.GroupQuery> queries = new ArrayList<>();
        int outsideWindow = 0;
        for (ResourceAggregates.Group group : groups) {
            AggregateQuery.Window valid = window.within(nanos(group.validFrom()), nanos(group.validUntil()));
            if (valid.isEmpty()) {
                outsideWindow++;
                continue;
            }
            List<AggregatesProcessor.Reference> resolved = new ArrayList<>();
            Map<UUID, Resource> used = new LinkedHashMap<>();
            for (int r = 0; r < references.size(); r++) {
                Operation.Reference reference = references.get(r);
                for (Resource resource : group.resources()) {
                    for (Metric metric : metricsByReference.get(r).getOrDefault(resource.id(), List.of())) {
                        access.requireMetricReader(caller, metric.accessTarget());
                        resolved.add(new AggregatesProcessor.Reference(
                                metric, reference.method(), reference.metric(), true));
                        used.putIfAbsent(resource.id(), resource);
                    }
                }
            }
            if (resolved.isEmpty()) {
                continue;
            }
            answered.add(group);
            usedByGroup.add(used);
            queries.add(new AggregatesProcessor.GroupQuery(
                    resolved, valid.start(), valid.stop(), group.validFrom() != null));
        }
        if (queries.isEmpty() && outsideWindow == 0) {
            throw metricsNotFound(references);
        }
        List<Object> measures = runEach(queries, operations, window);
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < answered.size(); i++) {
            Object groupMeasures = measures.get(i);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put(
                    "measures", groupMeasures instanceof List<?> rows ? Map.of("aggregated", rows) : groupMeasures);
            if (withDetails) {
                response.put(
                        "references",
                        usedByGroup.get(i).values().stream()
                                .map(r -> ResourceView.of(r, type))
                                .toList());
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("group", answered.get(i).key());
            result.put("measures", response);
            results.add(result);
        }
        return results;
    }

    private List<Object> runEach(
            List<AggregatesProcessor.GroupQuery> queries, Operation operations, AggregateQuery.Window window) {
        try {
            return processor.runEach(
                    queries, operations, window.granularities(), window.neededOverlap(), window.fill());
        } catch (AggregatesProcessor.MissingAggregationException missingAggregation) {
            throw unknownAggregation(missingAggregation);
        }
    }

    private static Long nanos(java.time.Instant instant) {
        return instant == null ? null : instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    private Optional<Map<String, Object>> measuresOf(
            Caller caller,
            ResourceType type,
            List<Resource> found,
            Operation operations,
            List<Operation.Reference> references,
            AggregateQuery.Window window,
            boolean withDetails) {
        List<AggregatesProcessor.Reference> resolved = new ArrayList<>();
        // By id: a groupby over thousands of resources must not compare every metric with every resource.
        Map<UUID, Resource> byId = new HashMap<>();
        found.forEach(resource -> byId.putIfAbsent(resource.id(), resource));
        Map<UUID, Resource> used = new LinkedHashMap<>();
        for (Operation.Reference reference : references) {
            for (Metric metric : resources.matching(found, reference.metric())) {
                access.requireMetricReader(caller, metric.accessTarget());
                resolved.add(new AggregatesProcessor.Reference(metric, reference.method(), reference.metric(), true));
                Resource owner = byId.get(metric.resourceId());
                if (owner != null) {
                    used.putIfAbsent(owner.id(), owner);
                }
            }
        }
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        Object measures = run(resolved, operations, window);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("measures", measures instanceof List<?> rows ? Map.of("aggregated", rows) : measures);
        if (withDetails) {
            response.put(
                    "references",
                    used.values().stream().map(r -> ResourceView.of(r, type)).toList());
        }
        return Optional.of(response);
    }

    private Object run(
            List<AggregatesProcessor.Reference> resolved, Operation operations, AggregateQuery.Window window) {
        try {
            return processor.run(
                    resolved,
                    operations,
                    window.start(),
                    window.stop(),
                    window.granularities(),
                    window.neededOverlap(),
                    window.fill());
        } catch (AggregatesProcessor.MissingAggregationException missingAggregation) {
            throw unknownAggregation(missingAggregation);
        }
    }

    private static ApiException unknownAggregation(AggregatesProcessor.MissingAggregationException missing) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("cause", "Metrics with unknown aggregation");
        description.put("detail", List.of(List.of(missing.metric().id().toString(), missing.method())));
        return new ApiException(404, description);
    }

    private static ApiException metricsNotFound(List<Operation.Reference> references) {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("cause", "Metrics not found");
        description.put(
                "detail",
                List.copyOf(new TreeSet<>(
                        references.stream().map(Operation.Reference::metric).toList())));
        return ApiException.badRequest(description);
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
        description.put(
                "detail",
                references.stream().map(r -> List.of(r.metric(), r.method())).toList());
        return ApiException.badRequest(description);
    }
}
