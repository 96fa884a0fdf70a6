package io.meterflow.reports.portal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What needs no Keystone: incomplete forms, and Keystone not there. (KeystonePortalIT: the rest.) */
class KeystoneAuthenticatorTest {

    @Test
    void anIncompleteFormIsRefusedWithoutAskingKeystone() {
        PortalAuthenticator keystone = PortalAuthenticator.keystone(
                URI.create("http://127.0.0.1:9/v3"), "Default", HttpClient.newHttpClient(), Duration.ofSeconds(2));
        for (SignInForm form : new SignInForm[] {
            new SignInForm("ann", "pass", null, null, null),
            new SignInForm("ann", null, "alpha", null, null),
            new SignInForm(null, "pass", "alpha", null, null),
            new SignInForm(null, null, null, "credential-id", null),
            new SignInForm(" ", "", " ", " ", "")
        }) {
            assertThat(keystone.signIn(form))
                    .as(form.toString())
                    .isEqualTo(new SignInOutcome.Refused(KeystoneAuthenticator.INCOMPLETE));
        }
    }

    @Test
    void keystoneDownIsAnOutageNotARefusal() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        PortalAuthenticator keystone = PortalAuthenticator.keystone(
                URI.create("http://127.0.0.1:" + closed + "/v3"),
                "Default",
                HttpClient.newHttpClient(),
                Duration.ofSeconds(2));
        assertThat(keystone.signIn(new SignInForm("ann", "pass", "alpha", null, null)))
                .isEqualTo(new SignInOutcome.Unavailable(KeystoneAuthenticator.UNAVAILABLE));
    }

    @Test
    void theFormNeverPrintsThePasswordOrTheSecret() {
        assertThat(new SignInForm("ann", "s3cret", "alpha", "id", "t0ps3cret").toString())
                .doesNotContain("s3cret", "t0ps3cret");
    }
}
