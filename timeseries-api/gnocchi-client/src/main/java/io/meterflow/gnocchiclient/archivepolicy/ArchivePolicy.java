package io.meterflow.gnocchiclient.archivepolicy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How Gnocchi aggregates and keeps a metric: which methods, at which granularities, for how long.
 * A usage reader checks here which granularities it may ask for.
 *
 * @param name               e.g. {@code low}, {@code ceilometer-high}
 * @param backWindow         how many largest-granularity buckets back late measures are still accepted
 * @param aggregationMethods e.g. {@code mean}, {@code sum}, {@code rate:mean}
 * @param definition         the levels, as the server lists them
 */
public record ArchivePolicy(
        String name, int backWindow, Set<String> aggregationMethods, List<ArchivePolicyItem> definition) {

    public ArchivePolicy {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("archive policy name must not be blank");
        }
        if (backWindow < 0) {
            throw new IllegalArgumentException("back window must not be negative, got " + backWindow);
        }
        aggregationMethods = Set.copyOf(aggregationMethods);
        definition = List.copyOf(definition);
        if (definition.isEmpty()) {
            throw new IllegalArgumentException("archive policy " + name + " has no definition");
        }
    }

    /** The level of exactly this granularity, if the policy keeps one. */
    public Optional<ArchivePolicyItem> level(Duration granularity) {
        return definition.stream()
                .filter(item -> item.granularity().equals(granularity))
                .findFirst();
    }
}
