package io.meterflow.rating.processor;

import io.meterflow.rating.dataframe.DataPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Prices a scope's collected usage of the period starting at {@code periodStart} (the rules in
 * force then): rating type → points, returned with their prices.
 */
@FunctionalInterface
public interface Rating {

    /**
     * @throws io.meterflow.rating.hashmap.UnratableFieldException a rule cannot price a point; the
     *         period is not stored
     */
    Map<String, List<DataPoint>> rate(String scope, Instant periodStart, Map<String, List<DataPoint>> usage);
}
