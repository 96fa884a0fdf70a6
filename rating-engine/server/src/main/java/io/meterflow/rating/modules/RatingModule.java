package io.meterflow.rating.modules;

/** A rating module and its state: modules price in order of priority, highest first, when enabled. */
public record RatingModule(String id, String description, boolean hotConfig, boolean enabled, int priority) {}
