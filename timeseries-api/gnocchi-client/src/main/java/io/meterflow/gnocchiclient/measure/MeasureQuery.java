package io.meterflow.gnocchiclient.measure;

import io.meterflow.gnocchiclient.internal.GnocchiTimestamps;
import io.meterflow.gnocchiclient.internal.QueryString;
import java.time.Duration;
import java.time.Instant;

/**
 * What to read of a metric's series. Every part is optional: without them Gnocchi answers all
 * granularities of the policy's first aggregation method ({@code mean} by default).
 *
 * @param start       first bucket start included (null: from the oldest)
 * @param stop        bucket starts before this (null: to the newest)
 * @param granularity one granularity of the archive policy (null: all)
 * @param aggregation an aggregation method of the policy, e.g. {@code sum}, {@code rate:mean} (null: mean)
 * @param resample    re-aggregate into buckets of this size; needs a granularity, as Gnocchi does
 * @param refresh     aggregate waiting measures first, so the answer holds everything received
 */
public record MeasureQuery(
        Instant start, Instant stop, Duration granularity, String aggregation, Duration resample, boolean refresh) {

    public MeasureQuery {
        if (start != null && stop != null && !stop.isAfter(start)) {
            throw new IllegalArgumentException("stop " + stop + " must be after start " + start);
        }
        requirePositive("granularity", granularity);
        requirePositive("resample", resample);
        if (resample != null && granularity == null) {
            throw new IllegalArgumentException("resample needs a granularity to resample from");
        }
        if (aggregation != null && aggregation.isBlank()) {
            throw new IllegalArgumentException("aggregation must not be blank");
        }
    }

    /** Everything the metric holds, in its default aggregation method. */
    public static MeasureQuery all() {
        return new MeasureQuery(null, null, null, null, null, false);
    }

    public MeasureQuery from(Instant newStart) {
        return new MeasureQuery(newStart, stop, granularity, aggregation, resample, refresh);
    }

    public MeasureQuery until(Instant newStop) {
        return new MeasureQuery(start, newStop, granularity, aggregation, resample, refresh);
    }

    public MeasureQuery granularity(Duration newGranularity) {
        return new MeasureQuery(start, stop, newGranularity, aggregation, resample, refresh);
    }

    public MeasureQuery aggregation(String method) {
        return new MeasureQuery(start, stop, granularity, method, resample, refresh);
    }

    public MeasureQuery resample(Duration newResample) {
        return new MeasureQuery(start, stop, granularity, aggregation, newResample, refresh);
    }

    /** Waits for measures not aggregated yet (slower: the server aggregates them first). */
    public MeasureQuery refreshed() {
        return new MeasureQuery(start, stop, granularity, aggregation, resample, true);
    }

    QueryString toQueryString() {
        return QueryString.empty()
                .with("start", start)
                .with("stop", stop)
                .with("granularity", granularity == null ? null : GnocchiTimestamps.seconds(granularity))
                .with("aggregation", aggregation)
                .with("resample", resample == null ? null : GnocchiTimestamps.seconds(resample))
                .withFlag("refresh", refresh);
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
