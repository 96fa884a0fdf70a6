package io.meterflow.rating.collect;

import io.meterflow.gnocchiclient.GnocchiClient;
import io.meterflow.gnocchiclient.error.GnocchiException;
import io.meterflow.gnocchiclient.resource.Resource;
import io.meterflow.gnocchiclient.resource.ResourceQuery;
import io.meterflow.gnocchiclient.resource.ResourceSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scopes that own resources in the time-series service, as CloudKitty's Gnocchi fetcher finds
 * them: every distinct non-empty scope attribute among the resources of the configured types.
 */
public final class GnocchiScopeFetcher implements ScopeFetcher {

    /** Large pages: a fetch walks every resource, and each request costs a round trip. */
    private static final int PAGE = 1000;

    private final GnocchiClient client;
    private final List<String> resourceTypes;
    private final String scopeAttribute;

    public GnocchiScopeFetcher(GnocchiClient client, List<String> resourceTypes, String scopeAttribute) {
        this.client = client;
        this.resourceTypes = List.copyOf(resourceTypes);
        this.scopeAttribute = scopeAttribute;
    }

    @Override
    public List<String> scopes() {
        Set<String> scopes = new TreeSet<>();
        try {
            for (String type : resourceTypes) {
                for (Resource resource : client.resources()
                        .searchAll(ResourceSearch.of(type, ResourceQuery.all()).limit(PAGE))) {
                    Object scope = ResourceAttributes.of(resource).get(scopeAttribute);
                    if (scope != null && !scope.toString().isEmpty()) {
                        scopes.add(scope.toString());
                    }
                }
            }
        } catch (GnocchiException e) {
            throw new CollectException("cannot list the scopes of the time-series service: " + e.getMessage(), e);
        }
        return new ArrayList<>(scopes);
    }

    @Override
    public String name() {
        return "gnocchi";
    }
}
