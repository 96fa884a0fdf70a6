package io.meterflow.timeseries.access;

import java.security.Principal;
import java.util.Set;

/**
 * Who sent a request. {@code creator} is the string Gnocchi records as creator: the user name in
 * basic mode, {@code "user_id:project_id"} when identity comes from headers (noauth, Keystone).
 */
public record Caller(String creator, String userId, String projectId, Set<String> roles) implements Principal {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains("admin");
    }

    @Override
    public String getName() {
        return creator;
    }
}
