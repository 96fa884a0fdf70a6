package io.meterflow.gnocchiclient.measure;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One aggregated point: the bucket starting at {@code timestamp}, {@code granularitySeconds} wide,
 * holds {@code value}. A double because Gnocchi stores floats; convert to money with
 * {@code BigDecimal.valueOf} at the rating boundary. NaN is a legal value in Gnocchi.
 */
public record Measure(Instant timestamp, double granularitySeconds, double value) {

    public Measure {
        Objects.requireNonNull(timestamp, "timestamp");
        if (!(granularitySeconds > 0) || Double.isInfinite(granularitySeconds)) {
            throw new IllegalArgumentException(
                    "granularity must be a positive number of seconds, got " + granularitySeconds);
        }
    }

    /** The bucket width as a Duration (to the nanosecond). */
    public Duration granularity() {
        return Duration.ofNanos(Math.round(granularitySeconds * 1e9));
    }
}
