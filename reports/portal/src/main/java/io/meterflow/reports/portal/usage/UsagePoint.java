package io.meterflow.reports.portal.usage;

import java.time.Instant;

/** One aggregated measure: a float, as the time-series store keeps it (never money). */
public record UsagePoint(Instant timestamp, double value) {}
