package io.meterflow.rating.dataframes;

import io.meterflow.rating.dataframe.DataPoint;
import java.time.Instant;

/** One stored rated point with its period and rating type. */
public record RatedPoint(Instant begin, Instant end, String type, DataPoint point) {}
