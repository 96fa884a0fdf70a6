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

    /** One group: the attribute values it shares ({@code {}} without group-by) and its metrics. */
    public record Group(Map<String, Object> key, List<Resource> resources) {}

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
