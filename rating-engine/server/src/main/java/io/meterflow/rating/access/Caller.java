package io.meterflow.rating.access;

import io.meterflow.policy.Credentials;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.List;
import java.util.Objects;

/**
 * Who makes a request, as the access filter found out; resources read it to keep a caller who is
 * not an admin to its own project's rows.
 */
public record Caller(Credentials credentials) implements Principal {

    /** CloudKitty's noauth: nothing is checked, every request may do everything. */
    static final Caller NOAUTH = new Caller(new Credentials(null, null, null, List.of("admin"), true, true));

    public Caller {
        Objects.requireNonNull(credentials, "credentials");
    }

    /** The caller of the request whose security context this is. */
    public static Caller of(SecurityContext context) {
        return context != null && context.getUserPrincipal() instanceof Caller caller ? caller : NOAUTH;
    }

    /** Whether the caller sees every project (CloudKitty's {@code context.is_admin}). */
    public boolean isAdmin() {
        return credentials.isAdmin();
    }

    /** The project the caller's token is scoped to; null for none. */
    public String projectId() {
        return credentials.projectId();
    }

    @Override
    public String getName() {
        return credentials.userId() == null ? "noauth" : credentials.userId();
    }
}
