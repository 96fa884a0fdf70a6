package io.meterflow.rating.collect;

import io.meterflow.rating.dataframe.DataPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reads a scope's usage of one period, unrated: rating type → points, in the metrics configuration's order. */
public interface UsageCollector {

    /**
     * @throws CollectException when the usage cannot be read; the caller skips the scope for this
     *                          period and tries again later, it never records the period as empty
     */
    Map<String, List<DataPoint>> collect(String scope, Instant begin, Instant end);

    /** Forgets anything read before: called at the start of each processing pass. */
    default void forget() {}
}
