package io.meterflow.timeseries.aggregates;

/**
 * Series aligned on shared timestamps: {@code columns[c][t]} is series c at {@code times[t]}, NaN
 * where it has no point. {@code granularity} is what answers print (seconds or a period letter);
 * {@code aggregated} says whether the columns were already combined into one result.
 */
record Grid(Object granularity, long[] times, double[][] columns, boolean aggregated) {

    int width() {
        return columns.length;
    }

    Grid withColumns(long[] newTimes, double[][] newColumns, boolean isAggregated) {
        return new Grid(granularity, newTimes, newColumns, isAggregated);
    }
}
