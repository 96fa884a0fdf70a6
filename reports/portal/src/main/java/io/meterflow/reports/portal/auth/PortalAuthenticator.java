package io.meterflow.reports.portal.auth;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Turns what a tenant typed on the sign-in page into the project it may see. One implementation
 * per auth mode of the APIs.
 */
public interface PortalAuthenticator {

    /** Checks the form; never throws for refused credentials or an unreachable identity service. */
    SignInOutcome signIn(SignInForm form);

    /** The fields the sign-in page asks for. */
    SignInFields fields();

    /**
     * The authenticator of a Meterflow auth mode without a service to ask: {@code noauth} or
     * {@code basic}; Keystone's is {@link #keystone}.
     *
     * @throws IllegalArgumentException for any other mode, naming the ones known
     */
    static PortalAuthenticator forMode(String mode) {
        return switch (mode == null ? "" : mode) {
            case "noauth" -> new NoAuthAuthenticator();
            case "basic" -> new BasicAuthenticator();
            default ->
                throw new IllegalArgumentException(
                        "PortalAuthenticator.forMode knows noauth and basic (keystone: PortalAuthenticator.keystone),"
                                + " got '" + mode + "'");
        };
    }

    /**
     * Keystone: each sign-in asks {@code POST /v3/auth/tokens} for a project-scoped token.
     *
     * @param identityUrl the Identity v3 endpoint, e.g. {@code http://127.0.0.1:5000/v3}
     * @param domain      the domain (name) of user names and project names typed on the page
     */
    static PortalAuthenticator keystone(URI identityUrl, String domain, HttpClient http, Duration timeout) {
        return new KeystoneAuthenticator(identityUrl, domain, http, timeout);
    }
}
