package io.meterflow.reports.ratingsource;

import java.time.Instant;
import java.util.Optional;

/**
 * How far the rating engine has rated a scope (project): CloudKitty's last_processed_timestamp,
 * the start of the last period it rated (empty: none yet).
 */
public record ScopeProgress(String scopeId, Optional<Instant> lastRatedPeriodStart, boolean active) {}
