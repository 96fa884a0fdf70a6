package io.meterflow.testsupport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSettingsTest {

    @Test
    void treatsUnsetAndBlankVariablesAsStartYourOwn() {
        ServiceSettings settings = ServiceSettings.from(Map.of(ServiceSettings.KAFKA, "  "));

        assertThat(settings.postgres()).isEmpty();
        assertThat(settings.amqp()).isEmpty();
        assertThat(settings.kafka()).isEmpty();
    }

    @Test
    void readsEveryService() {
        ServiceSettings settings = ServiceSettings.from(Map.of(
                ServiceSettings.POSTGRES_URL, "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres",
                ServiceSettings.AMQP_URL, "amqp://guest:guest@127.0.0.1:5672/%2F",
                ServiceSettings.KAFKA, "127.0.0.1:9092,kafka-2:9092"));

        assertThat(settings.postgres())
                .hasValueSatisfying(admin -> assertThat(admin.user()).isEqualTo("postgres"));
        assertThat(settings.amqp())
                .hasValueSatisfying(uri -> assertThat(uri.getPort()).isEqualTo(5672));
        assertThat(settings.kafka()).contains("127.0.0.1:9092,kafka-2:9092");
    }

    @Test
    void listsEveryProblemAtOnceWithoutRepeatingValues() {
        assertThatThrownBy(() -> ServiceSettings.from(Map.of(
                        ServiceSettings.POSTGRES_URL, "jdbc:postgresql://127.0.0.1:5432/postgres?password=hunter2",
                        ServiceSettings.AMQP_URL, "http://guest:hunter2@127.0.0.1/",
                        ServiceSettings.KAFKA, "127.0.0.1")))
                .isInstanceOf(ServiceSettingsException.class)
                .hasMessageContainingAll(ServiceSettings.POSTGRES_URL, ServiceSettings.AMQP_URL, ServiceSettings.KAFKA)
                .message()
                .doesNotContain("hunter2");
    }
}
