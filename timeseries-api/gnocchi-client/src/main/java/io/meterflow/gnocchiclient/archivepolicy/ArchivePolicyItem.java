package io.meterflow.gnocchiclient.archivepolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * One level of an archive policy: buckets of {@code granularity}, {@code points} of them kept,
 * covering {@code timespan}.
 */
public record ArchivePolicyItem(Duration granularity, long points, Duration timespan) {

    public ArchivePolicyItem {
        Objects.requireNonNull(granularity, "granularity");
        Objects.requireNonNull(timespan, "timespan");
        if (granularity.isNegative() || granularity.isZero()) {
            throw new IllegalArgumentException("granularity must be positive, got " + granularity);
        }
        if (points < 1) {
            throw new IllegalArgumentException("an archive policy item keeps at least one point, got " + points);
        }
    }
}
