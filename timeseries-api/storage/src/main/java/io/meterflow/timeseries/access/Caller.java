package io.meterflow.timeseries.access;

import java.security.Principal;
import java.util.Set;

/**
 * Who sent a request. {@code creator} is the string Gnocchi records as creator: the user name in
 * basic mode, {@code "user_id:project_id"} when identity comes from headers (noauth, Keystone).
 *
 * @param domainId the token's domain (a domain-scoped token has no project), null where unknown
 * @param listingsByPolicy whether listings show only what the policy lets this caller see, as
 *     Gnocchi's Keystone and noauth helpers restrict them; its basic mode restricts nothing
 */
public record Caller(
        String creator, String userId, String projectId, String domainId, Set<String> roles, boolean listingsByPolicy)
        implements Principal {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** A caller identified by headers: listings are restricted once it names a project. */
    public Caller(String creator, String userId, String projectId, Set<String> roles) {
        this(creator, userId, projectId, null, roles, projectId != null);
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    @Override
    public String getName() {
        return creator;
    }
}
