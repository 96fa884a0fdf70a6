package io.meterflow.rating.collect;

import io.meterflow.keystone.KeystoneProjects;
import io.meterflow.keystone.KeystoneUnavailableException;
import java.util.List;

/**
 * CloudKitty's {@code keystone} fetcher: the projects on which the rating service's own user holds
 * the {@code rating} role are the scopes, so an operator opts a project in or out by that one
 * role assignment.
 */
public final class KeystoneScopeFetcher implements ScopeFetcher {

    static final String RATING_ROLE = "rating";

    private final KeystoneProjects projects;

    public KeystoneScopeFetcher(KeystoneProjects projects) {
        this.projects = projects;
    }

    @Override
    public List<String> scopes() {
        try {
            return projects.whereServiceHolds(RATING_ROLE);
        } catch (KeystoneUnavailableException e) {
            throw new CollectException("Keystone: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "keystone";
    }
}
