package io.meterflow.reports.portal.auth;

import io.meterflow.reports.portal.ProjectId;
import java.util.List;

/**
 * {@code noauth}, as the APIs have it: nothing is checked, the tenant names its project. Only for
 * trusted networks and development, like the APIs' own noauth.
 */
public final class NoAuthAuthenticator implements PortalAuthenticator {

    @Override
    public SignInOutcome signIn(SignInForm form) {
        String project = form.user() == null ? "" : form.user();
        return ProjectId.isValid(project)
                ? new SignInOutcome.Accepted(new ProjectId(project), project, List.of("member"))
                : new SignInOutcome.Refused("Those credentials were refused.");
    }

    @Override
    public SignInFields fields() {
        return SignInFields.PROJECT_ID;
    }
}
