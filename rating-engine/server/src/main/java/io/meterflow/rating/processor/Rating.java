package io.meterflow.rating.processor;

import io.meterflow.rating.dataframe.DataPoint;
import java.util.List;
import java.util.Map;

/** Prices a scope's collected usage: rating type → points, returned with their prices. */
@FunctionalInterface
public interface Rating {

    /**
     * @throws io.meterflow.rating.hashmap.UnratableFieldException a rule cannot price a point; the
     *         period is not stored
     */
    Map<String, List<DataPoint>> rate(String scope, Map<String, List<DataPoint>> usage);
}
