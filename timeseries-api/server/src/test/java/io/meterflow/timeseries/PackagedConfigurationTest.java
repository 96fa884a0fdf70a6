package io.meterflow.timeseries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.server.SimpleServerFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.meterflow.serviceconfig.ServiceConfigSources;
import io.meterflow.wire.Topics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged YAML names the environment variables, the configuration classes hold the defaults:
 * with no variable set, the service gets those defaults and they validate; with one set, it wins.
 */
class PackagedConfigurationTest {

    @Test
    void withNoEnvironmentTheClassDefaultsApplyAndValidate() throws Exception {
        TimeseriesConfiguration config = load(Map.of());

        assertThat(config.database().url()).isEmpty();
        assertThat(config.database().maxPoolSize()).isEqualTo(16);
        assertThat(config.dataDir()).isEqualTo("./data");
        assertThat(config.authMode()).isEqualTo("basic");
        assertThat(config.effectiveMaxLimit()).isEqualTo(1000);
        assertThat(config.aggregatorPort()).isEqualTo(8044);
        assertThat(config.ingest().kafka()).isTrue();
        assertThat(config.ingest().bootstrapServers()).isEmpty();
        assertThat(config.ingest().embedded().brokerPort()).isEqualTo(9092);
        assertThat(config.ingest().measuresTopic()).isEqualTo(Topics.MEASURES);
        assertThat(config.ingest().partitions()).isEqualTo(8);
        assertThat(config.sampleIngest().samplesTopic()).isEqualTo(Topics.SAMPLES);
        assertThat(connector(config).getPort()).isEqualTo(8041);
        assertThat(connector(config).getBindHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void aVariableSetWinsOverTheDefault() throws Exception {
        TimeseriesConfiguration config = load(Map.of(
                "METERFLOW_DB_POOL_SIZE", "4",
                "METERFLOW_MEASURES_PARTITIONS", "3",
                "METERFLOW_TIMESERIES_PORT", "8099",
                "METERFLOW_KAFKA", "k1:9092"));

        assertThat(config.database().maxPoolSize()).isEqualTo(4);
        assertThat(config.ingest().partitions()).isEqualTo(3);
        assertThat(config.ingest().bootstrapServers()).isEqualTo("k1:9092");
        assertThat(connector(config).getPort()).isEqualTo(8099);
    }

    @Test
    void theSharedKafkaKeysRefuseOneEmbeddedPortForBothListeners() {
        // The keys come from KafkaConnectionSettings, shared by every service's Kafka section.
        assertThatThrownBy(
                        () -> load(Map.of("METERFLOW_KAFKA_PORT", "9999", "METERFLOW_KAFKA_CONTROLLER_PORT", "9999")))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining(
                        "ingest.embeddedPortsDistinct embeddedPort and embeddedControllerPort must differ");
    }

    private static TimeseriesConfiguration load(Map<String, String> environment) throws Exception {
        return new YamlConfigurationFactory<>(
                        TimeseriesConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build(ServiceConfigSources.fileOrPackagedWith(environment::get), TimeseriesApplication.DEFAULT_CONFIG);
    }

    private static HttpConnectorFactory connector(TimeseriesConfiguration config) {
        return (HttpConnectorFactory) ((SimpleServerFactory) config.getServerFactory()).getConnector();
    }
}
