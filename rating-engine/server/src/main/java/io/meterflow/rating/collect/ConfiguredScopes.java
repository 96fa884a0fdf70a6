package io.meterflow.rating.collect;

import java.util.List;

/** A fixed list of scopes from the configuration, CloudKitty's {@code source} fetcher. */
public final class ConfiguredScopes implements ScopeFetcher {

    private final List<String> scopes;

    public ConfiguredScopes(List<String> scopes) {
        this.scopes = List.copyOf(scopes);
    }

    @Override
    public List<String> scopes() {
        return scopes;
    }

    @Override
    public String name() {
        return "source";
    }
}
