package io.meterflow.rating.collect;

import io.meterflow.rating.dataframe.DataPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Reads a period's usage once for every scope and hands each scope its share: one aggregates
 * request per metric and period instead of one per metric, period and scope, which is what the
 * time-series API spends most of its time on when a processing pass rates hundreds of projects'
 * same hour. The results are the same: the groupby always holds the scope key, so every point
 * says whose it is, and a resource without one belongs to no scope, as in CloudKitty's query.
 *
 * <p>The last {@code periodsKept} periods stay in memory (about half a kilobyte a point);
 * {@link #forget} drops them, at each pass's start, so a re-rating never reads old data.
 */
public final class WholePeriodCollector implements UsageCollector {

    private final UsageCollector everyScope;
    private final String scopeKey;
    private final int periodsKept;
    private final ConcurrentSkipListMap<Instant, CompletableFuture<Map<String, Map<String, List<DataPoint>>>>> periods =
            new ConcurrentSkipListMap<>();

    /** @param everyScope a collector that reads every scope's usage when asked for the null scope */
    public WholePeriodCollector(UsageCollector everyScope, String scopeKey, int periodsKept) {
        this.everyScope = everyScope;
        this.scopeKey = scopeKey;
        this.periodsKept = periodsKept;
    }

    @Override
    public Map<String, List<DataPoint>> collect(String scope, Instant begin, Instant end) {
        CompletableFuture<Map<String, Map<String, List<DataPoint>>>> period = new CompletableFuture<>();
        CompletableFuture<Map<String, Map<String, List<DataPoint>>>> known = periods.putIfAbsent(begin, period);
        if (known == null) {
            // This caller reads the period; the others wait for it.
            while (periods.size() > periodsKept) {
                periods.pollFirstEntry();
            }
            try {
                period.complete(byScope(everyScope.collect(null, begin, end)));
            } catch (RuntimeException e) {
                periods.remove(begin, period);
                period.completeExceptionally(e);
            }
            known = period;
        }
        try {
            return known.join().getOrDefault(scope, Map.of());
        } catch (CompletionException e) {
            throw e.getCause() instanceof CollectException collect
                    ? collect
                    : new CollectException("cannot read the period starting " + begin, e.getCause());
        }
    }

    /** Drops what was read: the next collect of any period asks the time-series API again. */
    @Override
    public void forget() {
        periods.clear();
    }

    private Map<String, Map<String, List<DataPoint>>> byScope(Map<String, List<DataPoint>> usage) {
        Map<String, Map<String, List<DataPoint>>> scopes = new HashMap<>();
        usage.forEach((type, points) -> {
            for (DataPoint point : points) {
                Object scope = point.groupby().get(scopeKey);
                if (scope != null) {
                    scopes.computeIfAbsent(scope.toString(), s -> new LinkedHashMap<>())
                            .computeIfAbsent(type, t -> new ArrayList<>())
                            .add(point);
                }
            }
        });
        return scopes;
    }
}
