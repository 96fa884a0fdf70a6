package io.meterflow.reports.portal.usage;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks which of the granularities an archive policy answered to draw. Gnocchi answers every
 * granularity a series has when none is asked, and the portal does not know the policies: the
 * finest one with at most {@code maxPoints} points keeps graphs readable and pages small.
 */
final class Granularities {

    private Granularities() {}

    static Optional<Double> pick(List<Double> pointGranularities, int maxPoints) {
        Map<Double, Long> counts =
                pointGranularities.stream().collect(Collectors.groupingBy(g -> g, Collectors.counting()));
        return counts.entrySet().stream()
                .filter(e -> e.getValue() <= maxPoints)
                .map(Map.Entry::getKey)
                .min(Comparator.naturalOrder())
                .or(() -> counts.keySet().stream().max(Comparator.naturalOrder()));
    }
}
