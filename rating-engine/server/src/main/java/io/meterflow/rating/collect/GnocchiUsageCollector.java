package io.meterflow.rating.collect;

import io.meterflow.gnocchiclient.GnocchiClient;
import io.meterflow.gnocchiclient.aggregates.AggregatedMeasures;
import io.meterflow.gnocchiclient.aggregates.AggregatesGroup;
import io.meterflow.gnocchiclient.aggregates.AggregatesRequest;
import io.meterflow.gnocchiclient.error.GnocchiBadRequestException;
import io.meterflow.gnocchiclient.measure.Measure;
import io.meterflow.gnocchiclient.resource.Resource;
import io.meterflow.gnocchiclient.resource.ResourceQuery;
import io.meterflow.gnocchiclient.resource.ResourceSearch;
import io.meterflow.rating.dataframe.DataPoint;
import io.meterflow.rating.usage.GnocchiQuery;
import io.meterflow.rating.usage.MetricDefinition;
import io.meterflow.rating.usage.MetricsConfiguration;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads usage from a Gnocchi v1 API (Meterflow's time-series service or a real Gnocchi) as
 * CloudKitty's Gnocchi collector does: per metric definition one aggregates request over the
 * scope's resources of the definition's type, grouped by the definition's groupby; each group's
 * first aggregated measure is its quantity (then factor, offset, mutation); metadata copied from
 * the resources alive around the period. The definitions are read in parallel.
 */
public final class GnocchiUsageCollector implements UsageCollector {

    private static final Logger LOG = LoggerFactory.getLogger(GnocchiUsageCollector.class);
    private static final int RESOURCE_PAGE = 1000;

    private final GnocchiClient client;
    private final MetricsConfiguration metrics;
    private final String scopeKey;
    private final Duration period;
    private final boolean skipZeroQuantity;
    private final boolean useHistory;
    private final Executor executor;

    /**
     * @param period           the collect period: resources are searched one period either side of
     *                         the one collected, so a resource that ended just before still lends its metadata
     * @param skipZeroQuantity drop points whose quantity is 0 (a stopped instance under NUMBOOL)
     * @param useHistory       group usage by resource revision (Gnocchi 4.5's {@code use_history}) and
     *                         read metadata from the revision valid then: a past period is rated
     *                         with the flavor, project and attributes resources had in it
     */
    public GnocchiUsageCollector(
            GnocchiClient client,
            MetricsConfiguration metrics,
            String scopeKey,
            Duration period,
            boolean skipZeroQuantity,
            boolean useHistory,
            Executor executor) {
        this.client = client;
        this.metrics = metrics;
        this.scopeKey = scopeKey;
        this.period = period;
        this.skipZeroQuantity = skipZeroQuantity;
        this.useHistory = useHistory;
        this.executor = executor;
    }

    /** {@inheritDoc} A null {@code scope} reads every scope's usage at once (one request per metric). */
    @Override
    public Map<String, List<DataPoint>> collect(String scope, Instant begin, Instant end) {
        List<CompletableFuture<List<DataPoint>>> reads = new ArrayList<>();
        for (MetricDefinition definition : metrics.definitions()) {
            reads.add(CompletableFuture.supplyAsync(() -> read(definition, scope, begin, end), executor));
        }
        Map<String, List<DataPoint>> usage = new LinkedHashMap<>();
        List<MetricDefinition> definitions = metrics.definitions();
        for (int i = 0; i < definitions.size(); i++) {
            List<DataPoint> points = join(reads.get(i), definitions.get(i), scope, begin);
            if (!points.isEmpty()) {
                usage.computeIfAbsent(definitions.get(i).ratingType(), type -> new ArrayList<>())
                        .addAll(points);
            }
        }
        return usage;
    }

    private static List<DataPoint> join(
            CompletableFuture<List<DataPoint>> read, MetricDefinition definition, String scope, Instant begin) {
        try {
            return read.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            throw new CollectException(
                    "cannot read " + definition.metric() + " of scope " + scope + " for the period starting " + begin
                            + ": " + cause.getMessage(),
                    cause);
        }
    }

    private List<DataPoint> read(MetricDefinition definition, String scope, Instant begin, Instant end) {
        GnocchiQuery query = definition.query();
        AggregatesRequest request = AggregatesRequest.of(query.operation(definition.metric()))
                .overResources(query.resourceType(), ofScope(ResourceQuery.eq("type", query.resourceType()), scope))
                .groupedBy(requestedGroupby(definition).toArray(String[]::new))
                .from(
                        query.reAggregationMethod().startsWith("rate:")
                                // A rate needs the point before the period to give the period's delta.
                                ? begin.minusSeconds(query.forceGranularity())
                                : begin)
                .until(end);
        if (query.forceGranularity() > 0) {
            request = request.granularity(Duration.ofSeconds(query.forceGranularity()));
        }
        if (useHistory) {
            request = request.withHistory();
        }
        List<AggregatesGroup> groups;
        try {
            groups = client.aggregates().aggregate(request).groups();
        } catch (GnocchiBadRequestException e) {
            if (String.valueOf(e.getMessage()).contains("Metrics not found")) {
                // No resource of the scope has the metric yet: nothing to rate, as in CloudKitty.
                return List.of();
            }
            throw e;
        }
        if (!query.useAllResourceRevisions()) {
            groups = newestRevisionPerResource(groups, query.resourceKey());
        }
        // With history each group is one revision and carries its metadata: no resource search.
        Map<String, Map<String, Object>> resources =
                definition.metadata().isEmpty() || useHistory ? Map.of() : resources(query, scope, begin, end);
        List<DataPoint> points = new ArrayList<>(groups.size());
        for (AggregatesGroup group : groups) {
            List<Measure> measures = firstSeries(group.measures());
            if (measures.isEmpty()) {
                continue;
            }
            BigDecimal quantity = definition.quantity(measures.get(0).value());
            if (skipZeroQuantity && quantity.signum() == 0) {
                continue;
            }
            Map<String, Object> groupby = new LinkedHashMap<>();
            for (String attribute : definition.groupby()) {
                // An attribute whose value is null is absent from the answer; CloudKitty keeps it as None.
                groupby.put(attribute, group.by().get(attribute));
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            if (useHistory) {
                definition
                        .metadata()
                        .forEach(attribute -> metadata.put(attribute, group.by().get(attribute)));
            } else if (!definition.metadata().isEmpty()) {
                Object key = groupby.get(query.resourceKey());
                Map<String, Object> resource = resources.get(String.valueOf(key));
                if (resource == null) {
                    LOG.warn(
                            "[{}] {} {}={} has usage between {} and {} but no such resource: not rated",
                            scope,
                            definition.metric(),
                            query.resourceKey(),
                            key,
                            begin,
                            end);
                    continue;
                }
                for (String attribute : definition.metadata()) {
                    metadata.put(attribute, resource.containsKey(attribute) ? resource.get(attribute) : "");
                }
            }
            points.add(DataPoint.unrated(definition.unit(), quantity, groupby, metadata));
        }
        return points;
    }

    /** The definition's groupby; with history also its metadata, which each revision group then carries. */
    private List<String> requestedGroupby(MetricDefinition definition) {
        if (!useHistory) {
            return definition.groupby();
        }
        List<String> attributes = new ArrayList<>(definition.groupby());
        definition.metadata().stream().filter(a -> !attributes.contains(a)).forEach(attributes::add);
        return attributes;
    }

    /** {@code condition} for one scope's resources, or for every scope's when {@code scope} is null. */
    private ResourceQuery ofScope(ResourceQuery condition, String scope) {
        return scope == null ? condition : ResourceQuery.and(condition, ResourceQuery.eq(scopeKey, scope));
    }

    /** CloudKitty reads the series named {@code aggregated}; a custom query may name its series otherwise. */
    private static List<Measure> firstSeries(AggregatedMeasures measures) {
        if (measures.series().containsKey("aggregated")) {
            return measures.points("aggregated");
        }
        return measures.series().values().stream().findFirst().orElse(List.of());
    }

    /** With a server that answers one group per resource revision, only the last revision of each resource. */
    private static List<AggregatesGroup> newestRevisionPerResource(List<AggregatesGroup> groups, String resourceKey) {
        Map<String, AggregatesGroup> newest = new LinkedHashMap<>();
        for (AggregatesGroup group : groups) {
            String key = group.by().get(resourceKey);
            AggregatesGroup seen = newest.get(key);
            String revision = group.by().getOrDefault("revision_start", "");
            if (seen == null || revision.compareTo(seen.by().getOrDefault("revision_start", "")) >= 0) {
                newest.put(key, group);
            }
        }
        return new ArrayList<>(newest.values());
    }

    /** The scope's resources alive from one period before to one period after, by resource key. */
    private Map<String, Map<String, Object>> resources(GnocchiQuery query, String scope, Instant begin, Instant end) {
        Instant from = begin.minus(period);
        Instant to = end.plus(period);
        ResourceQuery alive = ResourceQuery.and(
                ResourceQuery.or(ResourceQuery.notEnded(), ResourceQuery.endedAtOrAfter(from)),
                ResourceQuery.startedAtOrBefore(to));
        alive = ofScope(alive, scope);
        Map<String, Map<String, Object>> byKey = new HashMap<>();
        for (Resource resource : client.resources()
                .searchAll(ResourceSearch.of(query.resourceType(), alive).limit(RESOURCE_PAGE))) {
            Map<String, Object> attributes = ResourceAttributes.of(resource);
            byKey.put(String.valueOf(attributes.get(query.resourceKey())), attributes);
        }
        return byKey;
    }
}
