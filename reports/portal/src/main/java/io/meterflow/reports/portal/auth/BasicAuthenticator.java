package io.meterflow.reports.portal.auth;

import io.meterflow.reports.portal.ProjectId;
import java.util.Optional;

/**
 * Meterflow's {@code basic} mode: the user name is the identity (here the project) and the password
 * is not checked, as the APIs treat it. {@code admin} is the operator, not a tenant, and has no
 * portal of its own.
 */
public final class BasicAuthenticator implements PortalAuthenticator {

    @Override
    public Optional<ProjectId> projectOf(String user, String password) {
        String project = user == null ? "" : user.trim();
        if (project.equals("admin") || !ProjectId.isValid(project)) {
            return Optional.empty();
        }
        return Optional.of(new ProjectId(project));
    }

    @Override
    public boolean asksForPassword() {
        return true;
    }
}
