package io.meterflow.rating.dataframes;

import io.meterflow.rating.dataframe.DataPoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Rated points of one period, by rating type (CloudKitty's v2 DataFrame). */
public record RatedFrame(Instant begin, Instant end, Map<String, List<DataPoint>> usage) {

    public RatedFrame {
        usage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(usage));
    }
}
