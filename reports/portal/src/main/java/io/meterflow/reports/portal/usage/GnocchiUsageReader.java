package io.meterflow.reports.portal.usage;

import io.meterflow.gnocchiclient.GnocchiClient;
import io.meterflow.gnocchiclient.aggregates.AggregatesGroup;
import io.meterflow.gnocchiclient.aggregates.AggregatesRequest;
import io.meterflow.gnocchiclient.measure.Measure;
import io.meterflow.gnocchiclient.resource.Resource;
import io.meterflow.gnocchiclient.resource.ResourceQuery;
import io.meterflow.gnocchiclient.resource.ResourceSearch;
import io.meterflow.reports.portal.ProjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link UsageReader} over the Gnocchi v1 API. The client's identity must be allowed to read every
 * project (basic {@code admin}, or an admin token): the portal itself narrows each search to the
 * signed-in project.
 */
public final class GnocchiUsageReader implements UsageReader {

    /** Meter names go into an operations expression: only plain names, never syntax. */
    private static final Pattern METER = Pattern.compile("[A-Za-z0-9_.:\\-]{1,255}");

    private static final int MAX_POINTS = 500;

    private final GnocchiClient gnocchi;
    private final String aggregation;

    /**
     * @param aggregation the archive policies' aggregation method to draw, e.g. {@code mean}
     */
    public GnocchiUsageReader(GnocchiClient gnocchi, String aggregation) {
        if (!METER.matcher(aggregation).matches()) {
            throw new IllegalArgumentException("not an aggregation method: " + aggregation);
        }
        this.gnocchi = gnocchi;
        this.aggregation = aggregation;
    }

    @Override
    public List<MeteredResource> resources(ProjectId project) {
        List<Resource> found;
        try {
            found = gnocchi.resources()
                    .searchAll(ResourceSearch.of("generic", ResourceQuery.projectId(project.value())));
        } catch (RuntimeException e) { // the client's failures, and a token its auth could not get
            throw new UsageUnavailableException("resource search failed for project " + project, e);
        }
        List<MeteredResource> resources = new ArrayList<>();
        for (Resource r : found) {
            resources.add(new MeteredResource(
                    r.id().toString(),
                    r.type(),
                    r.originalResourceId() == null ? r.id().toString() : r.originalResourceId(),
                    r.metrics().keySet().stream().sorted().toList()));
        }
        resources.sort(Comparator.comparing(MeteredResource::name));
        return resources;
    }

    @Override
    public List<UsageSeries> usage(
            ProjectId project, String meter, Optional<String> resourceId, Instant from, Instant to) {
        if (!METER.matcher(meter).matches()) {
            throw new IllegalArgumentException("not a meter name: " + meter);
        }
        ResourceQuery ofProject = ResourceQuery.projectId(project.value());
        ResourceQuery query = resourceId
                .map(id -> ResourceQuery.and(ofProject, ResourceQuery.eq("id", id)))
                .orElse(ofProject);
        AggregatesRequest request = AggregatesRequest.of("(metric " + meter + " " + aggregation + ")")
                .overResources("generic", query)
                .groupedBy("id")
                .from(from)
                .until(to);
        List<AggregatesGroup> groups;
        try {
            groups = gnocchi.aggregates().aggregate(request).groups();
        } catch (RuntimeException e) { // the client's failures, and a token its auth could not get
            throw new UsageUnavailableException("aggregation of " + meter + " failed for project " + project, e);
        }
        List<UsageSeries> series = new ArrayList<>();
        for (AggregatesGroup group : groups) {
            List<Measure> measures = group.measures().series().values().stream()
                    .flatMap(List::stream)
                    .toList();
            Optional<Double> granularity = Granularities.pick(
                    measures.stream().map(Measure::granularitySeconds).toList(), MAX_POINTS);
            if (granularity.isEmpty()) {
                continue;
            }
            double chosen = granularity.get();
            List<UsagePoint> points = measures.stream()
                    .filter(m -> m.granularitySeconds() == chosen && !Double.isNaN(m.value()))
                    .map(m -> new UsagePoint(m.timestamp(), m.value()))
                    .sorted(Comparator.comparing(UsagePoint::timestamp))
                    .toList();
            series.add(new UsageSeries(
                    group.by().getOrDefault("id", ""), Duration.ofMillis(Math.round(chosen * 1000)), points));
        }
        series.sort(Comparator.comparing(UsageSeries::resourceId));
        return series;
    }
}
