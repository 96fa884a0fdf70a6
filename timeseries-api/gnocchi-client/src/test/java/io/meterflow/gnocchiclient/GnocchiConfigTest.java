package io.meterflow.gnocchiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterflow.gnocchiclient.auth.BasicAuth;
import io.meterflow.gnocchiclient.auth.KeystoneTokenAuth;
import io.meterflow.gnocchiclient.auth.NoAuth;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GnocchiConfigTest {

    @Test
    void reportsEveryProblemAtOnce() {
        assertThatThrownBy(() -> new GnocchiConfig(URI.create("ftp://host/x?y=1"), null, Duration.ZERO, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http or https")
                .hasMessageContaining("no query or fragment")
                .hasMessageContaining("auth is missing")
                .hasMessageContaining("connectTimeout must be positive")
                .hasMessageContaining("requestTimeout is missing");
    }

    @Test
    void keepsAPathPrefix() {
        GnocchiConfig config = GnocchiConfig.of(URI.create("https://cloud.example/metric"), new BasicAuth("admin"));

        assertThat(config.baseUri().resolve("v1/metric"))
                .isEqualTo(URI.create("https://cloud.example/metric/v1/metric"));
        assertThat(config.requestTimeout()).isEqualTo(GnocchiConfig.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void authModesWriteGnocchisHeaders() {
        AtomicInteger renewals = new AtomicInteger();
        KeystoneTokenAuth keystone = new KeystoneTokenAuth(() -> "token-" + renewals.incrementAndGet());

        assertThat(new BasicAuth("admin").headers()).isEqualTo(Map.of("Authorization", "Basic YWRtaW46"));
        assertThat(new NoAuth("u1", "p1", List.of("admin", "member")).headers())
                .isEqualTo(Map.of("X-User-Id", "u1", "X-Project-Id", "p1", "X-Roles", "admin,member"));
        assertThat(new NoAuth(null, "p1", null).headers()).isEqualTo(Map.of("X-Project-Id", "p1"));
        assertThat(keystone.headers()).isEqualTo(Map.of("X-Auth-Token", "token-1"));
        assertThat(keystone.headers()).isEqualTo(Map.of("X-Auth-Token", "token-2"));
        assertThatThrownBy(() -> new BasicAuth("a:b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NoAuth(" ", null, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
