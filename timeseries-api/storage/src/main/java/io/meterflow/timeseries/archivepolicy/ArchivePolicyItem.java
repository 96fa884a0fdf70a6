package io.meterflow.timeseries.archivepolicy;

/**
 * One line of an archive policy definition: points of one granularity kept for a timespan.
 * Durations in nanoseconds; {@code points} and {@code timespan} are null together when the
 * policy keeps that granularity forever.
 */
public record ArchivePolicyItem(long granularity, Long points, Long timespan) {

    public ArchivePolicyItem {
        if (granularity <= 0) {
            throw new IllegalArgumentException("Granularity should be > 0");
        }
        if ((points == null) != (timespan == null)) {
            throw new IllegalArgumentException("points and timespan are set together");
        }
    }

    /**
     * Builds an item from any two of granularity, points and timespan (Gnocchi's rules: the third
     * is derived, points round down, the timespan becomes granularity × points).
     */
    public static ArchivePolicyItem of(Long granularity, Long points, Long timespan) {
        if (granularity != null && points != null && timespan != null && timespan != granularity * points) {
            throw new IllegalArgumentException("timespan ≠ granularity × points");
        }
        if (granularity != null && granularity <= 0) {
            throw new IllegalArgumentException("Granularity should be > 0");
        }
        if (points != null && points <= 0) {
            throw new IllegalArgumentException("Number of points should be > 0");
        }
        if (granularity == null) {
            if (points == null || timespan == null) {
                throw new IllegalArgumentException("At least two of granularity/points/timespan must be provided");
            }
            granularity = timespan / points;
            if (granularity <= 0) {
                throw new IllegalArgumentException("Granularity should be > 0");
            }
        }
        if (points == null) {
            if (timespan == null) {
                return new ArchivePolicyItem(granularity, null, null);
            }
            points = timespan / granularity;
            if (points <= 0) {
                throw new IllegalArgumentException("Calculated number of points is < 0");
            }
        }
        return new ArchivePolicyItem(granularity, points, granularity * points);
    }
}
