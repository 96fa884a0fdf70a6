package io.meterflow.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterflow.testsupport.KeystoneServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Service tokens ({@code X-Service-Token}) as keystonemiddleware honours them, against a real
 * Keystone: a user who holds a service role of this class's own (so the class neither needs nor
 * touches the cloud's {@code service} role), and a user token that expired a moment ago.
 */
class ServiceTokensIT {

    private static final String SERVICE_ROLE =
            "mf-test-service-" + UUID.randomUUID().toString().substring(0, 8);
    /** The role of the user whose token expires: one of this class's own, see ExpiringTokens. */
    private static final String LAPSED_ROLE =
            "mf-test-lapsed-" + UUID.randomUUID().toString().substring(0, 8);

    private static KeystoneServer keystone;
    private static String project;
    private static String serviceToken;
    private static String readerToken;
    private static ExpiringTokens expiring;
    private static ExpiringTokens.Expiring expired;

    @BeforeAll
    static void start() throws Exception {
        keystone = KeystoneServer.fromEnvironment().orElse(null);
        assumeTrue(keystone != null, "no Keystone: set METERFLOW_TEST_KEYSTONE_URL (.ci/run starts one)");
        project = keystone.createProject("service-tokens");
        keystone.grantAdmin(SERVICE_ROLE, project); // creates the role; close() deletes it
        keystone.createUser("nova", project, SERVICE_ROLE);
        keystone.createUser("reader", project, "reader");
        keystone.grantAdmin(LAPSED_ROLE, project);
        keystone.createUser("lapsed", project, LAPSED_ROLE);
        serviceToken = keystone.token("nova", project);
        readerToken = keystone.token("reader", project);
        String lapsedToken = keystone.token("lapsed", project);
        String lapsedId = tokens(KeystoneSettings.DEFAULT_SERVICE_TOKEN_ROLES, true)
                .validate(lapsedToken)
                .userId();
        expiring = new ExpiringTokens(keystone.url());
        expired = expiring.issue(lapsedToken, lapsedId, LAPSED_ROLE, Duration.ofSeconds(5));
        ExpiringTokens.awaitExpiry(expired);
    }

    @AfterAll
    static void stop() throws Exception {
        if (expiring != null) {
            expiring.close(); // before the users go: see ExpiringTokens
        }
        if (keystone != null) {
            keystone.close();
        }
    }

    private static KeystoneTokens tokens(Set<String> serviceRoles, boolean rolesRequired) {
        return new KeystoneTokens(
                KeystoneTokensIT.settings(keystone, Duration.ofMinutes(5))
                        .withServiceTokens(serviceRoles, rolesRequired, Duration.ofHours(1)),
                Clock.systemUTC());
    }

    @Test
    void aServiceTokenIsRecordedBesideTheUser() throws Exception {
        TokenIdentity identity = tokens(Set.of(SERVICE_ROLE), true).validate(readerToken, serviceToken);
        assertThat(identity.userName()).endsWith("reader");
        assertThat(identity.projectId()).isEqualTo(project);
        assertThat(identity.service().userName()).endsWith("nova");
        assertThat(identity.service().projectId()).isEqualTo(project);
        assertThat(identity.service().roles()).contains(SERVICE_ROLE);
    }

    @Test
    void anExpiredUserTokenAloneIsRefusedSayingWhenItExpired() {
        assertThatThrownBy(() -> tokens(Set.of(SERVICE_ROLE), true).validate(expired.token()))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageStartingWith("The token expired at " + expired.expiresAt())
                .hasMessageContaining("only with a service token");
    }

    @Test
    void anExpiredUserTokenIsAcceptedWithAServiceToken() throws Exception {
        TokenIdentity identity = tokens(Set.of(SERVICE_ROLE), true).validate(expired.token(), serviceToken);
        assertThat(identity.userName()).endsWith("lapsed");
        assertThat(identity.roles()).containsExactly(LAPSED_ROLE);
        assertThat(identity.expiresAt()).isEqualTo(expired.expiresAt()).isBefore(Instant.now());
        assertThat(identity.service().roles()).contains(SERVICE_ROLE);
    }

    @Test
    void anExpiredUserTokenIsRefusedPastTheAllowedWindow() {
        KeystoneTokens tokens = new KeystoneTokens(
                KeystoneTokensIT.settings(keystone, Duration.ofMinutes(5))
                        .withServiceTokens(Set.of(SERVICE_ROLE), true, Duration.ofMinutes(10)),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11)));
        assertThatThrownBy(() -> tokens.validate(expired.token(), serviceToken))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("longer ago than a service token extends it (600 s)");
    }

    @Test
    void aServiceTokenWithoutAServiceRoleFailsTheRequest() {
        // The default service token roles: "service", which this class's service user does not hold.
        assertThatThrownBy(() -> tokens(KeystoneSettings.DEFAULT_SERVICE_TOKEN_ROLES, true)
                        .validate(readerToken, serviceToken))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("carries none of the service token roles [service]");
    }

    @Test
    void whereRolesAreNotRequiredAServiceTokenWithoutThemLetsNoExpiredTokenThrough() throws Exception {
        KeystoneTokens lenient = tokens(Set.of("service"), false);
        assertThat(lenient.validate(readerToken, serviceToken).service().userName())
                .endsWith("nova");
        assertThatThrownBy(() -> lenient.validate(expired.token(), serviceToken))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageStartingWith("The token expired at");
    }

    @Test
    void anInvalidServiceTokenFailsTheRequest() {
        assertThatThrownBy(() -> tokens(Set.of(SERVICE_ROLE), true).validate(readerToken, "gAAAAABno-such-token"))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessage("The service token (X-Service-Token) is not valid (unknown, expired or revoked)");
    }

    @Test
    void anExpiredServiceTokenDoesNotCount() {
        assertThatThrownBy(() -> tokens(Set.of(LAPSED_ROLE), true).validate(readerToken, expired.token()))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageStartingWith("The service token (X-Service-Token) expired at");
    }

    @Test
    void aBlankServiceTokenIsNone() throws Exception {
        assertThat(tokens(Set.of(SERVICE_ROLE), true).validate(readerToken, " ").service())
                .isNull();
    }
}
