package io.meterflow.timeseries.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.aggregation.Measure;
import io.meterflow.timeseries.archivepolicy.ArchivePolicy;
import io.meterflow.timeseries.database.Transactions;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.metric.MetricDao;
import io.meterflow.timeseries.metric.MetricService;
import io.meterflow.timeseries.metric.ResourceOwners;
import io.meterflow.timeseries.resource.ResourceDao;
import io.meterflow.timeseries.resourceid.ResourceIds;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code POST /v1/batch/resources/metrics/measures}: measures addressed by resource and metric
 * name, as Ceilometer's publisher sends them, creating missing metrics on request. Unlike
 * Gnocchi, metric creation and measures commit together: a rejected batch leaves nothing behind.
 */
public final class ResourceMeasuresBatch {

    /** The measures of one named metric of a resource, with the policy/unit to create it with. */
    public record NamedMeasures(String archivePolicyName, String unit, List<Measure> measures) {}

    /** One resource's part of the batch. */
    public record ResourcePart(String originalId, UUID resourceId, Map<String, NamedMeasures> metrics) {}

    private final Transactions transactions;
    private final MetricDao metricDao;
    private final MetricService metricService;
    private final ResourceDao resources;
    private final MeasuresParser parser;
    private final MeasureIntake intake;
    private final AccessPolicy access;
    private final Supplier<UUID> ids;

    public ResourceMeasuresBatch(
            Transactions transactions,
            MetricDao metricDao,
            MetricService metricService,
            ResourceDao resources,
            MeasuresParser parser,
            MeasureIntake intake,
            AccessPolicy access,
            Supplier<UUID> ids) {
        this.transactions = transactions;
        this.metricDao = metricDao;
        this.metricService = metricService;
        this.resources = resources;
        this.parser = parser;
        this.intake = intake;
        this.access = access;
        this.ids = ids;
    }

    public List<ResourcePart> parse(Caller caller, JsonNode body) {
        if (!body.isObject()) {
            throw InvalidInputException.field("expected a dictionary", List.of());
        }
        List<ResourcePart> parts = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> entries = body.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            String originalId = entry.getKey();
            UUID resourceId;
            try {
                resourceId = ResourceIds.toResourceUuid(originalId, caller.creator());
            } catch (IllegalArgumentException invalid) {
                throw InvalidInputException.field(
                        "extra keys not allowed @ data['" + originalId + "']", List.of(originalId));
            }
            if (!entry.getValue().isObject()) {
                throw InvalidInputException.field(
                        "expected a dictionary for dictionary value @ data['" + originalId + "']", List.of(originalId));
            }
            Map<String, NamedMeasures> named = new LinkedHashMap<>();
            entry.getValue()
                    .fields()
                    .forEachRemaining(metric -> named.put(
                            metric.getKey(), parseNamed(metric.getValue(), List.of(originalId, metric.getKey()))));
            parts.add(new ResourcePart(originalId, resourceId, named));
        }
        return parts;
    }

    /** The old form is a bare list; the new one {@code {archive_policy_name?, unit?, measures}}. */
    private NamedMeasures parseNamed(JsonNode value, List<String> path) {
        if (value.isArray()) {
            return new NamedMeasures(null, null, parser.parse(value, path));
        }
        if (value.isObject() && value.has("measures")) {
            String policy = value.hasNonNull("archive_policy_name")
                    ? value.get("archive_policy_name").asText()
                    : null;
            String unit = value.hasNonNull("unit") ? value.get("unit").asText() : null;
            return new NamedMeasures(policy, unit, parser.parse(value.get("measures"), path));
        }
        throw parserFailure(path);
    }

    private static InvalidInputException parserFailure(List<String> path) {
        return InvalidInputException.field(
                "unexpected measures format for dictionary value @ data['" + String.join("']['", path) + "']", path);
    }

    public void write(Caller caller, List<ResourcePart> parts, boolean createMetrics) {
        if (parts.stream().allMatch(part -> part.metrics().isEmpty())) {
            return;
        }
        // Metrics are created and committed first, then the measures are handed over: the
        // Kafka intake cannot be part of a database transaction, and a failure after the commit
        // leaves metrics a retry of the request will find, as Gnocchi's does.
        Map<Metric, List<Measure>> accepted = transactions.inTransaction(connection -> {
            List<UUID> resourceIds =
                    parts.stream().map(ResourcePart::resourceId).toList();
            Map<UUID, Map<String, Metric>> existing = metricDao.findByResources(connection, resourceIds);
            Map<UUID, ResourceOwners.Owner> owners = createMetrics ? resources.find(connection, resourceIds) : Map.of();
            Map<Metric, List<Measure>> batch = new LinkedHashMap<>();
            TreeSet<String> unknownMetrics = new TreeSet<>();
            List<Map<String, String>> unknownResources = new ArrayList<>();
            for (ResourcePart part : parts) {
                Map<String, Metric> known = existing.getOrDefault(part.resourceId(), Map.of());
                for (Map.Entry<String, NamedMeasures> named : part.metrics().entrySet()) {
                    Metric metric = known.get(named.getKey());
                    if (metric == null && createMetrics) {
                        ResourceOwners.Owner owner = owners.get(part.resourceId());
                        if (owner == null) {
                            Map<String, String> unknown = new LinkedHashMap<>();
                            unknown.put("resource_id", part.resourceId().toString());
                            unknown.put("original_resource_id", part.originalId());
                            unknownResources.add(unknown);
                            break;
                        }
                        ArchivePolicy policy = metricService.resolvePolicy(
                                connection, named.getValue().archivePolicyName(), named.getKey());
                        metric = new Metric(
                                ids.get(),
                                caller.creator(),
                                named.getKey(),
                                named.getValue().unit(),
                                part.resourceId(),
                                owner.projectId(),
                                policy);
                        metric = metricDao.insertUnlessNamed(connection, metric);
                    }
                    if (metric == null) {
                        unknownMetrics.add(part.resourceId() + "/" + named.getKey());
                    } else {
                        batch.put(metric, named.getValue().measures());
                    }
                }
            }
            if (!unknownResources.isEmpty()) {
                throw InvalidInputException.of("Unknown resources", unknownResources, null);
            }
            if (!unknownMetrics.isEmpty()) {
                throw InvalidInputException.because("Unknown metrics: " + String.join(", ", unknownMetrics));
            }
            batch.keySet().forEach(metric -> access.requireMetricWriter(caller, metric.accessTarget()));
            return batch;
        });
        intake.accept(accepted);
    }
}
