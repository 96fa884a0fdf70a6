package io.meterflow.rating.lifespan;

import io.meterflow.rating.collect.ScopeFetcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fetcher's scopes plus the active ones whose project Keystone created or deleted: a created
 * project is rated before the fetcher first lists it, and a deleted one, which the fetcher no
 * longer lists, is rated up to its deletion and then closed.
 */
public final class LifespanScopes implements ScopeFetcher {

    private final ScopeFetcher fetcher;
    private final ProjectLifespans lifespans;

    public LifespanScopes(ScopeFetcher fetcher, ProjectLifespans lifespans) {
        this.fetcher = fetcher;
        this.lifespans = lifespans;
    }

    @Override
    public List<String> scopes() {
        Set<String> scopes = new LinkedHashSet<>(fetcher.scopes());
        scopes.addAll(lifespans.activeScopesWithLifespans());
        return new ArrayList<>(scopes);
    }

    @Override
    public String name() {
        return fetcher.name();
    }
}
