package io.meterflow.rating.processor;

import java.time.Instant;

/** One period of one scope rated and stored. */
public record PeriodRated(String scope, Instant begin, int points) {}
