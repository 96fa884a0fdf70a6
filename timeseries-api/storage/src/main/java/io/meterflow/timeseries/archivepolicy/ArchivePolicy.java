package io.meterflow.timeseries.archivepolicy;

import io.meterflow.timeseries.aggregation.Aggregation;
import io.meterflow.timeseries.aggregation.AggregationMethod;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * How a metric's measures are aggregated and kept: one item per granularity, the methods computed
 * at each, and how many blocks of the largest granularity late measures may still reach.
 */
public record ArchivePolicy(
        String name, int backWindow, List<ArchivePolicyItem> definition, SortedSet<String> aggregationMethods) {

    public ArchivePolicy {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an archive policy needs a name");
        }
        if (backWindow < 0) {
            throw new IllegalArgumentException("back_window must be >= 0");
        }
        if (definition.isEmpty()) {
            throw new IllegalArgumentException("an archive policy needs at least one definition item");
        }
        Set<Long> granularities = new HashSet<>();
        for (ArchivePolicyItem item : definition) {
            if (!granularities.add(item.granularity())) {
                throw new IllegalArgumentException(
                        "More than one archive policy uses granularity `" + formatSeconds(item.granularity()) + "'");
            }
        }
        definition = definition.stream()
                .sorted(Comparator.comparingLong(ArchivePolicyItem::granularity))
                .toList();
        aggregationMethods = new TreeSet<>(aggregationMethods);
    }

    /** Every (method, granularity) pair the policy stores. */
    public List<Aggregation> aggregations() {
        List<Aggregation> aggregations = new ArrayList<>();
        for (ArchivePolicyItem item : definition) {
            for (String method : aggregationMethods) {
                aggregations.add(new Aggregation(AggregationMethod.parse(method), item.granularity(), item.timespan()));
            }
        }
        return aggregations;
    }

    public Optional<ArchivePolicyItem> itemFor(long granularity) {
        return definition.stream()
                .filter(item -> item.granularity() == granularity)
                .findFirst();
    }

    public ArchivePolicy withDefinition(List<ArchivePolicyItem> newDefinition) {
        return new ArchivePolicy(name, backWindow, newDefinition, aggregationMethods);
    }

    /** Python prints whole seconds as {@code 60.0}. */
    static String formatSeconds(long nanos) {
        return Double.toString(nanos / 1e9);
    }
}
