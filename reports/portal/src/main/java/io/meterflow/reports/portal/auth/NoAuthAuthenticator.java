package io.meterflow.reports.portal.auth;

import io.meterflow.reports.portal.ProjectId;
import java.util.Optional;

/**
 * {@code noauth}, as the APIs have it: nothing is checked, the tenant names its project. Only for
 * trusted networks and development, like the APIs' own noauth.
 */
public final class NoAuthAuthenticator implements PortalAuthenticator {

    @Override
    public Optional<ProjectId> projectOf(String user, String password) {
        String project = user == null ? "" : user.trim();
        return ProjectId.isValid(project) ? Optional.of(new ProjectId(project)) : Optional.empty();
    }

    @Override
    public boolean asksForPassword() {
        return false;
    }
}
