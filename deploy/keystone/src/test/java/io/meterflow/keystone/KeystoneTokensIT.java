package io.meterflow.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterflow.testsupport.KeystoneServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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

    private static KeystoneTokens tokens(Duration cacheTime, Clock clock) {
        return new KeystoneTokens(
                new KeystoneSettings(
                        URI.create(keystone.url()),
                        keystone.adminUser(),
                        keystone.adminPassword(),
                        keystone.adminProject(),
                        "Default",
                        cacheTime),
                clock);
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
    }

    @Test
    void anUnknownTokenIsRefused() {
        assertThatThrownBy(() -> tokens(Duration.ofMinutes(5), Clock.systemUTC())
                        .validate("gAAAAABnot-a-token-keystone-ever-issued"))
                .isInstanceOf(InvalidTokenException.class);
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
        assertThatThrownBy(() -> tokens.validate(token)).isInstanceOf(InvalidTokenException.class);
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
                .hasMessageContaining("METERFLOW_KEYSTONE_USER");
    }

    /** A clock the test moves, to pass a cache time without waiting it out. */
    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
