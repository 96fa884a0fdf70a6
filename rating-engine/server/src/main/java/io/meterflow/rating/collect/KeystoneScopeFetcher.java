package io.meterflow.rating.collect;

import io.meterflow.keystone.KeystoneProjects;
import io.meterflow.keystone.KeystoneUnavailableException;
import java.util.List;

/**
 * CloudKitty's {@code keystone} fetcher: the projects on which the rating service's own user holds
 * the rating role (CloudKitty's {@code rating}) are the scopes, so an operator opts a project in or
 * out by that one role assignment; or, where every project is to be rated, every enabled project.
 */
public final class KeystoneScopeFetcher implements ScopeFetcher {

    /** Which projects are scopes. */
    public sealed interface Selection {
        /** The projects where the service user holds {@code role}, directly, by group or inherited. */
        record WithRole(KeystoneProjects projects, String role) implements Selection {}

        /** Every enabled project. */
        record AllEnabled(KeystoneProjectDirectory directory) implements Selection {}
    }

    private final Selection selection;

    public KeystoneScopeFetcher(Selection selection) {
        this.selection = selection;
    }

    @Override
    public List<String> scopes() {
        try {
            // Java 17 has no pattern switch yet; the interface is sealed, so these are all.
            if (selection instanceof Selection.WithRole withRole) {
                return withRole.projects().whereServiceHolds(withRole.role());
            }
            return ((Selection.AllEnabled) selection).directory().enabledProjects();
        } catch (KeystoneUnavailableException e) {
            throw new CollectException("Keystone: " + e.getMessage(), e);
        }
    }

    @Override
    public String name() {
        return "keystone";
    }
}
