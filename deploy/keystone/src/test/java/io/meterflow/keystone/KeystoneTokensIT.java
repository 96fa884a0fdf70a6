package io.meterflow.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterflow.testsupport.KeystoneServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Token validation and the projects to rate, against a real Keystone (skipped without METERFLOW_TEST_KEYSTONE_URL). */
class KeystoneTokensIT {

    private static KeystoneServer keystone;
    private static String project;

    @BeforeAll
    static void start() throws Exception {
        keystone = KeystoneServer.fromEnvironment().orElse(null);
        assumeTrue(keystone != null, "no Keystone: set METERFLOW_TEST_KEYSTONE_URL (.ci/run starts one)");
        project = keystone.createProject("tokens");
        keystone.createUser("reader", project, "reader");
    }

    @AfterAll
    static void stop() throws Exception {
        if (keystone != null) {
            keystone.close();
        }
    }

    static KeystoneSettings settings(KeystoneServer keystone, Duration cacheTime) {
        return new KeystoneSettings(
                URI.create(keystone.url()),
                keystone.adminUser(),
                keystone.adminPassword(),
                keystone.adminProject(),
                "Default",
                cacheTime);
    }

    private static KeystoneTokens tokens(Duration cacheTime, Clock clock) {
        return new KeystoneTokens(settings(keystone, cacheTime), clock);
    }

    @Test
    void aValidTokenYieldsItsUserProjectAndRoles() throws Exception {
        TokenIdentity identity =
                tokens(Duration.ofMinutes(5), Clock.systemUTC()).validate(keystone.token("reader", project));
        assertThat(identity.projectId()).isEqualTo(project);
        assertThat(identity.domainId()).isEqualTo("default");
        assertThat(identity.roles()).contains("reader").doesNotContain("admin");
        assertThat(identity.userName()).endsWith("reader");
        assertThat(identity.expiresAt()).isAfter(Instant.now());
        assertThat(identity.service()).isNull();
    }

    @Test
    void anUnknownTokenIsRefusedAsNotValid() {
        assertThatThrownBy(() -> tokens(Duration.ofMinutes(5), Clock.systemUTC())
                        .validate("gAAAAABnot-a-token-keystone-ever-issued"))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessage("The token is not valid (unknown, expired or revoked)");
    }

    @Test
    void aMalformedTokenIsRefusedWithoutAskingKeystone() {
        KeystoneTokens nowhere = new KeystoneTokens(
                new KeystoneSettings(
                        URI.create("http://127.0.0.1:1/v3"), "u", "p", "service", "Default", Duration.ZERO),
                Clock.systemUTC());
        assertThatThrownBy(() -> nowhere.validate("two words"))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("malformed");
        assertThatThrownBy(() -> nowhere.validate(" "))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("missing");
    }

    @Test
    void aRevokedTokenIsRefusedOnceItsCacheTimeIsOver() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        KeystoneTokens tokens = tokens(Duration.ofSeconds(30), clock);
        String token = keystone.token("reader", project);
        tokens.validate(token);
        keystone.revoke(token);
        // Within the cache time the token is still trusted, as keystonemiddleware trusts it.
        assertThat(tokens.validate(token).projectId()).isEqualTo(project);
        clock.advance(Duration.ofSeconds(31));
        assertThatThrownBy(() -> tokens.validate(token))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("not valid");
    }

    @Test
    void theProjectsToRateAreThoseWhereTheServiceHoldsTheRatingRole() throws Exception {
        String rated = keystone.createProject("rated");
        String unrated = keystone.createProject("unrated");
        keystone.grantAdmin("rating", rated);
        List<String> projects =
                new KeystoneProjects(tokens(Duration.ofMinutes(5), Clock.systemUTC())).whereServiceHolds("rating");
        assertThat(projects).contains(rated).doesNotContain(unrated, project);
    }

    @Test
    void wrongServiceCredentialsSayWhichSettingsToCheck() {
        KeystoneTokens wrong = new KeystoneTokens(
                new KeystoneSettings(
                        URI.create(keystone.url()), "admin", "not-the-password", "admin", "Default", Duration.ZERO),
                Clock.systemUTC());
        assertThatThrownBy(() -> wrong.validate("anything"))
                .isInstanceOf(KeystoneUnavailableException.class)
                .hasMessageContaining("refuses the service's credentials")
                .hasMessageContaining("METERFLOW_KEYSTONE_USER");
    }

    @Test
    void aKeystoneThatIsDownIsUnavailableAtOnce() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        KeystoneTokens down = new KeystoneTokens(
                settings(keystone, Duration.ZERO).withUrl(URI.create("http://127.0.0.1:" + closed + "/v3")),
                Clock.systemUTC());
        long begin = System.nanoTime();
        assertThatThrownBy(() -> down.validate(keystone.token("reader", project)))
                .isInstanceOf(KeystoneUnavailableException.class)
                .hasMessageContaining("unreachable")
                .hasMessageContaining("METERFLOW_KEYSTONE_URL");
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void aKeystoneThatDoesNotAnswerIsUnavailableAfterTheRequestTimeout() throws Exception {
        // Accepts connections (the kernel does, into the backlog) and never answers.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            KeystoneTokens mute = new KeystoneTokens(
                    settings(keystone, Duration.ZERO)
                            .withUrl(URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/v3"))
                            .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                    Clock.systemUTC());
            long begin = System.nanoTime();
            assertThatThrownBy(() -> mute.validate("gAAAAABsome-token"))
                    .isInstanceOf(KeystoneUnavailableException.class)
                    .hasMessageContaining("did not answer within 1000 ms");
            assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(3));
        }
    }
}
