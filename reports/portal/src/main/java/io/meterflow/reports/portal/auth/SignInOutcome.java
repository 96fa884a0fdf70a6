package io.meterflow.reports.portal.auth;

import io.meterflow.reports.portal.ProjectId;
import java.util.List;
import java.util.Objects;

/** What a sign-in came to: a project to open a session for, a refusal to show, or an outage. */
public sealed interface SignInOutcome {

    /**
     * The credentials hold for {@code project}.
     *
     * @param user  the user's name, as the page may show it
     * @param roles the roles the user holds on the project (empty where the auth mode has none)
     */
    record Accepted(ProjectId project, String user, List<String> roles) implements SignInOutcome {
        public Accepted {
            Objects.requireNonNull(project, "project");
            user = user == null ? "" : user;
            roles = List.copyOf(roles);
        }
    }

    /** Refused; {@code message} is shown to the tenant as it is (it names nothing internal). */
    record Refused(String message) implements SignInOutcome {}

    /** The identity service cannot be asked; {@code message} is shown, the page answers 503. */
    record Unavailable(String message) implements SignInOutcome {}
}
