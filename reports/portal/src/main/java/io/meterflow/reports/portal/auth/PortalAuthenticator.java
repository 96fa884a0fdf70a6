package io.meterflow.reports.portal.auth;

import io.meterflow.reports.portal.ProjectId;
import java.util.Optional;

/**
 * Turns what a tenant typed on the sign-in page into the project it may see. One implementation
 * per auth mode of the APIs; Keystone (issue 20) plugs in here by checking the password and
 * answering the token's project.
 */
public interface PortalAuthenticator {

    /** The project {@code user} signs in to, or empty when the credentials are refused. */
    Optional<ProjectId> projectOf(String user, String password);

    /** Whether the sign-in page asks for a password (basic and Keystone) or only a project id. */
    boolean asksForPassword();

    /**
     * The authenticator of a Meterflow auth mode: {@code noauth} or {@code basic}.
     *
     * @throws IllegalArgumentException for any other mode, naming the ones known
     */
    static PortalAuthenticator forMode(String mode) {
        return switch (mode == null ? "" : mode) {
            case "noauth" -> new NoAuthAuthenticator();
            case "basic" -> new BasicAuthenticator();
            default ->
                throw new IllegalArgumentException(
                        "the portal signs in with auth mode noauth or basic (keystone: issue 20), got '" + mode + "'");
        };
    }
}
