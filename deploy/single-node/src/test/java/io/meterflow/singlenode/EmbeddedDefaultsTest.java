package io.meterflow.singlenode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Without the embedded modules on the class path (as for a deployed service), a configured server
 * is used as it is, and nothing configured is refused at once with what to do about it.
 */
class EmbeddedDefaultsTest {

    @Test
    void nothingConfiguredAndNoEmbeddedPostgresSaysWhatToConfigure() {
        assertThatThrownBy(() -> SingleNodePostgres.resolve(" ", Path.of("unused"), "meterflow"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No PostgreSQL database is configured")
                .hasMessageContaining("bin/meterflow");
    }

    @Test
    void nothingConfiguredAndNoEmbeddedKafkaSaysWhatToConfigure() {
        EmbeddedKafkaOptions nobodyListens = EmbeddedKafkaOptions.scratch();

        assertThatThrownBy(() -> SingleNodeKafka.resolve("", Path.of("unused"), nobodyListens))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No Kafka cluster is configured");
    }

    @Test
    void configuredServersAreUsedAsTheyAre() {
        try (SingleNodePostgres postgres =
                        SingleNodePostgres.resolve("jdbc:postgresql://db/m", Path.of("unused"), "meterflow");
                SingleNodeKafka kafka =
                        SingleNodeKafka.resolve("k1:9092", Path.of("unused"), EmbeddedKafkaOptions.scratch())) {
            assertThat(postgres.startedHere()).isFalse();
            assertThat(kafka.bootstrapServers()).isEqualTo("k1:9092");
            assertThat(kafka.startedHere()).isFalse();
        }
    }
}
