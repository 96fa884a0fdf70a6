package io.meterflow.rating.usage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * CloudKitty's metrics.yml, read unchanged: every rating type to collect, in the file's order.
 * A metric may give one definition or, as CloudKitty 19+ allows, a list of them (one rating type
 * each, with a {@code description}).
 */
public record MetricsConfiguration(List<MetricDefinition> definitions) {

    public MetricsConfiguration {
        definitions = List.copyOf(definitions);
        if (definitions.isEmpty()) {
            throw new IllegalArgumentException("A metrics configuration rates at least one metric");
        }
    }

    /**
     * Validates a parsed metrics.yml (the tree of maps, lists and scalars any YAML parser gives) as
     * CloudKitty's Gnocchi collector does, and reports every problem at once.
     *
     * @param scopeKey the attribute a scope is identified by ({@code project_id}), added to every groupby
     */
    public static MetricsConfiguration read(Object tree, String scopeKey) {
        return new MetricsConfigurationReader(scopeKey).read(tree);
    }

    /** The rating types in order, each once: the hashmap services a configuration prices. */
    public List<String> ratingTypes() {
        Set<String> types = new LinkedHashSet<>();
        definitions.forEach(d -> types.add(d.ratingType()));
        return new ArrayList<>(types);
    }

    /** The definitions of one metric of the time-series service. */
    public List<MetricDefinition> of(String metric) {
        return definitions.stream().filter(d -> d.metric().equals(metric)).toList();
    }
}
