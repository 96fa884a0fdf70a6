package io.meterflow.embeddedkafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.singlenode.EmbeddedKafkaOptions;
import io.meterflow.singlenode.SingleNodeKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleNodeKafkaIT {

    @Test
    void aSecondServiceUsesTheBrokerTheFirstStarted(@TempDir Path data) throws Exception {
        EmbeddedKafkaOptions options = EmbeddedKafkaBrokerIT.persistentOnFreePorts();
        try (SingleNodeKafka first = SingleNodeKafka.resolve("", data, options)) {
            assertThat(first.startedHere()).isTrue();
            try (SingleNodeKafka second = SingleNodeKafka.resolve(" ", data, options)) {
                assertThat(second.startedHere()).isFalse();
                assertThat(second.bootstrapServers()).isEqualTo(first.bootstrapServers());
                EmbeddedKafkaBrokerIT.send(second.bootstrapServers(), "instance-1", "cpu=0.5");
            }
            // The second one leaving does not stop the broker the first one runs.
            assertThat(EmbeddedKafkaBrokerIT.readAll(first.bootstrapServers(), 1))
                    .containsExactly("cpu=0.5");
        }
    }

    @Test
    void aConfiguredClusterIsUsedAsItIsWithoutStartingABroker(@TempDir Path data) {
        try (SingleNodeKafka kafka = SingleNodeKafka.resolve(
                "kafka-1:9092,kafka-2:9092", data.resolve("kafka"), EmbeddedKafkaBrokerIT.persistentOnFreePorts())) {
            assertThat(kafka.startedHere()).isFalse();
            assertThat(kafka.bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
        }
        assertThat(Files.exists(data.resolve("kafka"))).isFalse();
    }

    @Test
    void nothingListeningMeansNoKafka() {
        assertThat(SingleNodeKafka.answersAsKafka(EmbeddedKafkaOptions.scratch()))
                .isFalse();
    }
}
