package io.meterflow.allinone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllInOneSettingsTest {

    @Test
    void nothingConfiguredMeansEmbeddedServersUsualPortsAndBasicAuth() throws Exception {
        AllInOneSettings settings = AllInOneSettings.parse(List.of(), name -> null);

        assertThat(settings.demo()).isFalse();
        assertThat(settings.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.authMode()).isEqualTo("basic");
        assertThat(settings.configuredAmqpUrl()).isEmpty();
        assertThat(settings.configuredDatabaseUrl()).isEmpty();
        assertThat(settings.configuredKafka()).isEmpty();
        assertThat(settings.preferredAmqpPort()).isEqualTo(5672);
        assertThat(settings.kafka().brokerPort()).isEqualTo(9092);
        assertThat(settings.ports()).isEqualTo(new AllInOneSettings.Ports(8041, 8043, 8889, 8890));
    }

    @Test
    void theCommandLineAndTheServicesOwnVariablesAreHonoured() throws Exception {
        Map<String, String> environment = Map.of(
                "METERFLOW_DATA_DIR", "/var/lib/ignored",
                "METERFLOW_AMQP_URL", "amqp://rabbit:5672/",
                "METERFLOW_AUTH_MODE", "noauth",
                "METERFLOW_RATING_PORT", "18889");

        AllInOneSettings settings =
                AllInOneSettings.parse(List.of("--demo", "--data-dir", "/tmp/mf"), environment::get);

        assertThat(settings.demo()).isTrue();
        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/mf"));
        assertThat(settings.configuredAmqpUrl()).contains("amqp://rabbit:5672/");
        assertThat(settings.authMode()).isEqualTo("noauth");
        assertThat(settings.ports().rating()).isEqualTo(18889);
    }

    @Test
    void badInputIsRefusedNamingWhat() {
        assertThatThrownBy(() -> AllInOneSettings.parse(List.of("--dmeo"), name -> null))
                .hasMessageContaining("--dmeo");
        assertThatThrownBy(() -> AllInOneSettings.parse(List.of("--data-dir"), name -> null))
                .hasMessageContaining("--data-dir");
        assertThatThrownBy(() -> AllInOneSettings.parse(List.of(), Map.of("METERFLOW_REPORTS_PORT", "http")::get))
                .hasMessageContaining("METERFLOW_REPORTS_PORT");
        assertThatThrownBy(() -> AllInOneSettings.parse(List.of(), Map.of("METERFLOW_AUTH_MODE", "keystone")::get))
                .hasMessageContaining("METERFLOW_AUTH_MODE");
    }
}
