package io.meterflow.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeystoneSettingsTest {

    @Test
    void theDefaultsAreKeystonemiddlewaresWithShortTimeouts() {
        KeystoneSettings settings = new KeystoneConfiguration().settings();
        assertThat(settings.cacheTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.serviceTokenRoles()).containsExactly("service");
        assertThat(settings.serviceTokenRolesRequired()).isTrue();
        assertThat(settings.allowExpiredWindow()).isEqualTo(Duration.ofDays(2));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.memcachedServers()).isEmpty();
        assertThat(settings)
                .isEqualTo(new KeystoneSettings(
                        URI.create("http://127.0.0.1:5000/v3"),
                        "meterflow",
                        "",
                        "service",
                        "Default",
                        Duration.ofMinutes(5)));
    }

    @Test
    void theYamlKeysReachTheSettings() {
        KeystoneConfiguration configuration = new ObjectMapper()
                .convertValue(
                        Map.of(
                                "serviceTokenRoles",
                                "service, nova",
                                "serviceTokenRolesRequired",
                                false,
                                "allowExpiredSeconds",
                                3600,
                                "connectTimeoutSeconds",
                                1,
                                "requestTimeoutSeconds",
                                3,
                                "memcachedServers",
                                "10.0.0.5:11211,10.0.0.6:11211",
                                "memcachedSecretKey",
                                "s3cret"),
                        KeystoneConfiguration.class);
        KeystoneSettings settings = configuration.settings();
        assertThat(settings.serviceTokenRoles()).isEqualTo(Set.of("service", "nova"));
        assertThat(settings.serviceTokenRolesRequired()).isFalse();
        assertThat(settings.allowExpiredWindow()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.memcachedServers()).hasSize(2);
        assertThat(settings.memcachedSecretKey()).isEqualTo("s3cret");
    }

    @Test
    void memcachedServersAreHostAndPortAsKeystonemiddlewareListsThem() {
        assertThat(KeystoneSettings.parseMemcachedServers(" 10.0.0.5:11211, cache.example.org:11212,[::1]:11211 "))
                .containsExactly(
                        InetSocketAddress.createUnresolved("10.0.0.5", 11211),
                        InetSocketAddress.createUnresolved("cache.example.org", 11212),
                        InetSocketAddress.createUnresolved("::1", 11211));
        assertThat(KeystoneSettings.parseMemcachedServers(" ")).isEqualTo(List.of());
        assertThatThrownBy(() -> KeystoneSettings.parseMemcachedServers("10.0.0.5"))
                .hasMessageContaining("'10.0.0.5' is not host:port");
        assertThatThrownBy(() -> KeystoneSettings.parseMemcachedServers("10.0.0.5:99999"))
                .hasMessageContaining("'10.0.0.5:99999' is not host:port");
    }

    @Test
    void everyWrongSettingIsReportedAtOnce() {
        KeystoneSettings settings = new KeystoneConfiguration().settings();
        assertThatThrownBy(() -> settings.withServiceTokens(Set.of(), true, Duration.ofSeconds(-1))
                        .withTimeouts(Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("serviceTokenRoles must name at least one role")
                .hasMessageContaining("allowExpiredWindow must not be negative");
        assertThatThrownBy(() -> settings.withTimeouts(Duration.ZERO, Duration.ofSeconds(-1)))
                .hasMessageContaining("connectTimeout must be positive")
                .hasMessageContaining("requestTimeout must be positive");
    }
}
