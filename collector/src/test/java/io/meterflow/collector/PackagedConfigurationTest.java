package io.meterflow.collector;

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
 * The packaged YAML names the environment variables, CollectorConfiguration holds the defaults:
 * with no variable set, the collector gets those defaults and they validate; with one set, it wins.
 */
class PackagedConfigurationTest {

    @Test
    void withNoEnvironmentTheClassDefaultsApplyAndValidate() throws Exception {
        CollectorConfiguration config = load(Map.of());

        assertThat(config.amqp().url()).isEqualTo("amqp://guest:guest@127.0.0.1:5672/%2F");
        assertThat(config.amqp().exchanges())
                .contains("nova", "openstack", "keystone")
                .hasSize(18);
        assertThat(config.amqp().prefetch()).isEqualTo(1000);
        assertThat(config.amqp().batchSize()).isEqualTo(250);
        assertThat(config.kafka().bootstrapServers()).isEmpty();
        assertThat(config.kafka().samplesTopic()).isEqualTo(Topics.SAMPLES);
        assertThat(config.kafka().resourceEventsTopic()).isEqualTo(Topics.RESOURCE_EVENTS);
        assertThat(config.meters().novaFormat()).isEqualTo("both");
        assertThat(config.meters().warmUpMillis()).isEqualTo(10_000);
        assertThat(connector(config).getPort()).isEqualTo(8043);
    }

    @Test
    void aVariableSetWinsOverTheDefault() throws Exception {
        CollectorConfiguration config =
                load(Map.of("METERFLOW_AMQP_PREFETCH", "50", "METERFLOW_NOVA_FORMAT", "legacy"));

        assertThat(config.amqp().prefetch()).isEqualTo(50);
        assertThat(config.meters().novaFormat()).isEqualTo("legacy");
    }

    @Test
    void theSharedKafkaKeysRefuseOneEmbeddedPortForBothListeners() {
        // The keys come from KafkaConnectionSettings, shared by every service's Kafka section.
        assertThatThrownBy(
                        () -> load(Map.of("METERFLOW_KAFKA_PORT", "9999", "METERFLOW_KAFKA_CONTROLLER_PORT", "9999")))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining(
                        "kafka.embeddedPortsDistinct embeddedPort and embeddedControllerPort must differ");
    }

    private static CollectorConfiguration load(Map<String, String> environment) throws Exception {
        return new YamlConfigurationFactory<>(
                        CollectorConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
                .build(ServiceConfigSources.fileOrPackagedWith(environment::get), CollectorApplication.DEFAULT_CONFIG);
    }

    private static HttpConnectorFactory connector(CollectorConfiguration config) {
        return (HttpConnectorFactory) ((SimpleServerFactory) config.getServerFactory()).getConnector();
    }
}
