package io.meterflow.rating.scope;

/** What a scope created without them is given: the configured scope key, fetcher and collector. */
public record ScopeDefaults(String scopeKey, String fetcher, String collector) {}
