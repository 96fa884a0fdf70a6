package io.meterflow.reports.portal.usage;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** One resource's measures of one meter over the chosen period, at one granularity. */
public record UsageSeries(String resourceId, Duration granularity, List<UsagePoint> points) {

    public UsageSeries {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(granularity, "granularity");
        points = List.copyOf(points);
    }
}
