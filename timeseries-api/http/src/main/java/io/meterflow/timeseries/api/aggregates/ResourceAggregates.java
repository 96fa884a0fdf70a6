package io.meterflow.timeseries.api.aggregates;

import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.api.resource.ResourceSearches;
import io.meterflow.timeseries.api.resource.ResourceView;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.metric.MetricService;
import io.meterflow.timeseries.resource.Resource;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.search.SearchQuery;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Aggregation across the resources a search finds: the resources (sorted by the group-by
 * attributes), split into consecutive groups, and each resource's metrics whose name matches
 * a reference's pattern (Gnocchi uses {@code fnmatch}).
 */
public final class ResourceAggregates {

    /**
     * One group: the attribute values it shares ({@code {}} without group-by) and its resources;
     * with history, the revisions that share them and the time those revisions were valid.
     */
    public record Group(Map<String, Object> key, List<Resource> resources, Instant validFrom, Instant validUntil) {

        Group(Map<String, Object> key, List<Resource> resources) {
            this(key, resources, null, null);
        }
    }

    private final ResourceSearches searches;
    private final MetricService metrics;

    public ResourceAggregates(ResourceSearches searches, MetricService metrics) {
        this.searches = searches;
        this.metrics = metrics;
    }

    public List<Group> groups(Caller caller, ResourceType type, Optional<SearchQuery> query, List<String> groupby) {
        List<String> attributes = List.copyOf(new TreeSet<>(groupby));
        List<Resource> found = searches.all(caller, type, query, attributes);
        List<Group> groups = new ArrayList<>();
        for (Resource resource : found) {
            Map<String, Object> view = ResourceView.of(resource, type);
            Map<String, Object> key = new LinkedHashMap<>();
            attributes.forEach(attribute -> key.put(attribute, view.get(attribute)));
            Group last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
            if (last != null && Objects.equals(last.key(), key)) {
                last.resources().add(resource);
            } else {
                List<Resource> members = new ArrayList<>();
                members.add(resource);
                groups.add(new Group(key, members));
            }
        }
        return groups;
    }

    /**
     * Groups of resource revisions (Gnocchi 4.5's {@code use_history}): each revision counts with
     * the attributes it had, and its metrics only for the time it was valid, so a resource whose
     * flavor or project changed is reported once per revision and no measure is counted twice.
     * A resource's first revision also covers the time before the resource was indexed: Ceilometer
     * creates it on the first sample, after the hour that sample belongs to began. A group's key
     * holds the revision's {@code revision_start} and {@code revision_end} besides the group-by
     * attributes, as Gnocchi answers.
     */
    public List<Group> groupsOfRevisions(
            Caller caller, ResourceType type, Optional<SearchQuery> query, List<String> groupby) {
        List<String> attributes = List.copyOf(new TreeSet<>(groupby));
        List<Resource> matching = searches.all(caller, type, query, attributes, true);
        Map<UUID, Instant> firstRevisionStart = firstRevisionStarts(matching);
        Map<Map<String, Object>, Group> groups = new LinkedHashMap<>();
        for (Resource revision : matching) {
            Map<String, Object> view = ResourceView.of(revision, type);
            Map<String, Object> key = new LinkedHashMap<>();
            attributes.forEach(attribute -> key.put(attribute, view.get(attribute)));
            key.put("revision_start", view.get("revision_start"));
            key.put("revision_end", view.get("revision_end"));
            Instant validFrom = revision.revisionStart().equals(firstRevisionStart.get(revision.id()))
                    ? null
                    : revision.revisionStart();
            groups.computeIfAbsent(key, k -> new Group(k, new ArrayList<>(), validFrom, revision.revisionEnd()))
                    .resources()
                    .add(revision);
        }
        return new ArrayList<>(groups.values());
    }

    /**
     * When each resource's first revision began, read over all its revisions: the search may
     * have matched only later ones (a resource moved into the project searched for), and those
     * must not reach back before they began.
     */
    private Map<UUID, Instant> firstRevisionStarts(List<Resource> revisions) {
        // The caller may read these resources: the search matched them under the caller's access.
        return searches.firstRevisionStarts(new java.util.LinkedHashSet<>(
                revisions.stream().map(Resource::id).toList()));
    }

    /** The metrics of these resources whose names match a pattern, in resource order. */
    public List<Metric> matching(List<Resource> resources, String pattern) {
        PathMatcher glob = FileSystems.getDefault().getPathMatcher("glob:" + pattern.replace("/", "\\/"));
        List<UUID> ids = new ArrayList<>();
        for (Resource resource : resources) {
            resource.metrics().forEach((name, id) -> {
                if (name.equals(pattern) || glob.matches(Path.of(name))) {
                    ids.add(id);
                }
            });
        }
        Map<UUID, Metric> found = metrics.getAll(ids);
        return ids.stream().map(found::get).filter(Objects::nonNull).toList();
    }
}
