package io.meterflow.rating.scope;

import java.time.Instant;

/** Where rating of one scope stands: {@code lastProcessed} is the end of the last rated period (null: none). */
public record ScopeState(
        String scopeId,
        String scopeKey,
        String fetcher,
        String collector,
        Instant lastProcessed,
        boolean active,
        Instant activationToggled) {}
