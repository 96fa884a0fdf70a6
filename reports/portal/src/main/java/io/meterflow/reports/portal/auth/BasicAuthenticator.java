package io.meterflow.reports.portal.auth;

import io.meterflow.reports.portal.ProjectId;
import java.util.List;

/**
 * Meterflow's {@code basic} mode: the user name is the identity (here the project) and the password
 * is not checked, as the APIs treat it. {@code admin} is the operator, not a tenant, and has no
 * portal of its own.
 */
public final class BasicAuthenticator implements PortalAuthenticator {

    @Override
    public SignInOutcome signIn(SignInForm form) {
        String project = form.user() == null ? "" : form.user();
        if (project.equals("admin") || !ProjectId.isValid(project)) {
            return new SignInOutcome.Refused("Those credentials were refused.");
        }
        return new SignInOutcome.Accepted(new ProjectId(project), project, List.of("member"));
    }

    @Override
    public SignInFields fields() {
        return SignInFields.USER_AND_PASSWORD;
    }
}
