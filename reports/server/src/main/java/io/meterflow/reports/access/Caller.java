package io.meterflow.reports.access;

import io.meterflow.policy.Credentials;
import java.util.List;

/** Who is calling the reports API, as the auth mode established it. */
public record Caller(String name, Credentials credentials) {

    public static final String PROPERTY = "meterflow.reports.caller";

    public boolean hasRole(String role) {
        return credentials.roles().contains(role);
    }

    public String projectId() {
        return credentials.projectId();
    }

    static Caller of(String user, String project, List<String> roles) {
        return new Caller(user, new Credentials(user, project, "default", roles, roles.contains("admin"), false));
    }
}
