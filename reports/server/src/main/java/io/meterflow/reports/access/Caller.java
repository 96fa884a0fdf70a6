package io.meterflow.reports.access;

import io.meterflow.keystone.TokenIdentity;
import io.meterflow.policy.Credentials;
import java.util.List;

/** Who is calling the reports API, as the auth mode established it. */
public record Caller(String name, Credentials credentials) {

    public static final String PROPERTY = "meterflow.reports.caller";

    public boolean hasRole(String role) {
        return credentials.roles().contains(role);
    }

    /** The project the caller's token is scoped to; null for a domain-scoped token or an operator. */
    public String projectId() {
        return credentials.projectId();
    }

    static Caller of(String user, String project, List<String> roles) {
        return new Caller(user, new Credentials(user, project, "default", roles, roles.contains("admin"), false));
    }

    /**
     * What a valid Keystone token says: its user, project (none when domain-scoped), domain and
     * roles (implied ones included). The audit trail names the user by name when Keystone gave one.
     */
    static Caller of(TokenIdentity token) {
        return new Caller(
                token.userName() == null || token.userName().isEmpty() ? token.userId() : token.userName(),
                new Credentials(
                        token.userId(),
                        token.projectId(),
                        token.domainId(),
                        token.roles(),
                        token.roles().contains("admin"),
                        token.isAdminProject()));
    }
}
