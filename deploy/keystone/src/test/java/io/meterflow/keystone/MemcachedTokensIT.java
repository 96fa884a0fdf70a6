package io.meterflow.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterflow.keystone.internal.Memcached;
import io.meterflow.testsupport.KeystoneServer;
import io.meterflow.testsupport.MemcachedServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Memcached as the token cache every process shares, against a real Keystone and a real
 * memcached (this class's own child process, or {@code METERFLOW_TEST_MEMCACHED}).
 */
class MemcachedTokensIT {

    private static final String SECRET = "a secret the services share";

    private static KeystoneServer keystone;
    private static MemcachedServer memcached;
    private static String project;

    @BeforeAll
    static void start() throws Exception {
        keystone = KeystoneServer.fromEnvironment().orElse(null);
        assumeTrue(keystone != null, "no Keystone: set METERFLOW_TEST_KEYSTONE_URL (.ci/run starts one)");
        memcached = MemcachedServer.start().orElse(null);
        assumeTrue(memcached != null, MemcachedServer.MISSING);
        project = keystone.createProject("memcached");
        keystone.createUser("reader", project, "reader");
    }

    @AfterAll
    static void stop() throws Exception {
        if (memcached != null) {
            memcached.close();
        }
        if (keystone != null) {
            keystone.close();
        }
    }

    private static KeystoneSettings settings(Duration cacheTime, String servers, String secret) {
        return KeystoneTokensIT.settings(keystone, cacheTime)
                .withMemcached(KeystoneSettings.parseMemcachedServers(servers), secret);
    }

    @Test
    void aTokenOneProcessValidatedIsTrustedByAnotherUntilTheCacheTimeEnds() throws Exception {
        MutableClock clock = new MutableClock(Instant.now());
        String token = keystone.token("reader", project);
        try (KeystoneTokens first =
                        new KeystoneTokens(settings(Duration.ofMinutes(1), memcached.servers(), SECRET), clock);
                KeystoneTokens second =
                        new KeystoneTokens(settings(Duration.ofMinutes(1), memcached.servers(), SECRET), clock)) {
            first.validate(token);
            keystone.revoke(token);
            // Keystone now refuses it: the second process can only have it from Memcached.
            assertThat(second.validate(token).projectId()).isEqualTo(project);
            clock.advance(Duration.ofSeconds(61));
            assertThatThrownBy(() -> second.validate(token)).isInstanceOf(InvalidTokenException.class);
            assertThatThrownBy(() -> first.validate(token)).isInstanceOf(InvalidTokenException.class);
        }
    }

    /** Revocation honoured within the cache time, on the real clock: in process alone, and with Memcached. */
    @ParameterizedTest(name = "memcached: {0}")
    @ValueSource(booleans = {false, true})
    void aRevokedTokenIsRefusedOnceAShortCacheTimeIsOver(boolean withMemcached) throws Exception {
        // Long enough for the revocation (a sign-in and a DELETE) to happen within it on a busy machine.
        Duration cacheTime = Duration.ofSeconds(8);
        KeystoneSettings settings = withMemcached
                ? settings(cacheTime, memcached.servers(), SECRET)
                : KeystoneTokensIT.settings(keystone, cacheTime);
        String token = keystone.token("reader", project);
        try (KeystoneTokens tokens = new KeystoneTokens(settings, Clock.systemUTC())) {
            Instant validated = Instant.now();
            tokens.validate(token);
            keystone.revoke(token);
            assertThat(Instant.now()).isBefore(validated.plus(cacheTime));
            assertThat(tokens.validate(token).projectId()).isEqualTo(project);
            Thread.sleep(
                    Duration.between(Instant.now(), validated.plus(cacheTime)).toMillis() + 200);
            assertThatThrownBy(() -> tokens.validate(token))
                    .isInstanceOf(InvalidTokenException.class)
                    .hasMessageContaining("not valid");
        }
    }

    @Test
    void memcachedHoldsTheTokensHashNeverTheToken() throws Exception {
        String token = keystone.token("reader", project);
        try (KeystoneTokens tokens = new KeystoneTokens(
                        settings(Duration.ofMinutes(1), memcached.servers(), ""), Clock.systemUTC());
                Memcached raw =
                        new Memcached(KeystoneSettings.parseMemcachedServers(memcached.servers()), Clock.systemUTC())) {
            tokens.validate(token);
            byte[] value = raw.get("meterflow/token/v1/" + sha256(token));
            assertThat(value).isNotNull();
            String text = new String(value, StandardCharsets.UTF_8);
            assertThat(text).contains(project).contains("\"expiresAt\"").doesNotContain(token);
        }
    }

    @Test
    void aForgedEntryIsIgnoredWhereValuesAreSigned() throws Exception {
        String forged = "gAAAAABforged-" + System.nanoTime();
        try (Memcached raw =
                        new Memcached(KeystoneSettings.parseMemcachedServers(memcached.servers()), Clock.systemUTC());
                KeystoneTokens tokens = new KeystoneTokens(
                        settings(Duration.ofMinutes(1), memcached.servers(), SECRET), Clock.systemUTC())) {
            String identity = "{\"userId\":\"intruder\",\"projectId\":\"" + project + "\",\"roles\":[\"admin\"],"
                    + "\"isAdminProject\":true,\"expiresAt\":\"" + Instant.now().plusSeconds(3600) + "\",\"until\":\""
                    + Instant.now().plusSeconds(60) + "\"}";
            raw.set(
                    "meterflow/token/v1/" + sha256(forged),
                    ("bm90IGEgbWFj\n" + identity).getBytes(StandardCharsets.UTF_8),
                    Duration.ofMinutes(1));
            assertThatThrownBy(() -> tokens.validate(forged)).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void aMemcachedThatIsDownFailsNoRequest() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try (KeystoneTokens tokens =
                new KeystoneTokens(settings(Duration.ofMinutes(1), "127.0.0.1:" + closed, SECRET), Clock.systemUTC())) {
            assertThat(tokens.validate(keystone.token("reader", project)).projectId())
                    .isEqualTo(project);
            assertThat(tokens.validate(keystone.token("reader", project)).projectId())
                    .isEqualTo(project);
            assertThatThrownBy(() -> tokens.validate("gAAAAABno-such-token")).isInstanceOf(InvalidTokenException.class);
        }
    }

    @Test
    void aMemcachedThatStopsFailsNoRequest() throws Exception {
        MemcachedServer own = MemcachedServer.start().orElseThrow();
        assumeTrue(own.isOwnProcess(), "METERFLOW_TEST_MEMCACHED is shared: it is not stopped");
        try (KeystoneTokens tokens =
                new KeystoneTokens(settings(Duration.ofMinutes(1), own.servers(), SECRET), Clock.systemUTC())) {
            String before = keystone.token("reader", project);
            tokens.validate(before);
            own.close();
            assertThat(tokens.validate(before).projectId()).isEqualTo(project);
            assertThat(tokens.validate(keystone.token("reader", project)).projectId())
                    .isEqualTo(project);
        } finally {
            own.close();
        }
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
