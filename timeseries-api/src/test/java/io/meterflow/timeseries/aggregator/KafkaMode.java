package io.meterflow.timeseries.aggregator;

import io.dropwizard.testing.ConfigOverride;
import io.meterflow.testsupport.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Settings that put a test's API in the Kafka mode, on the test's own topics and group. */
final class KafkaMode {

    private KafkaMode() {
    }

    static ConfigOverride[] on(KafkaBroker kafka, String name, boolean aggregatorInProcess) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("ingest.mode", "kafka"),
                ConfigOverride.config("ingest.bootstrapServers", kafka.bootstrapServers()),
                ConfigOverride.config("ingest.measuresTopic", measuresTopic(kafka, name)),
                ConfigOverride.config("ingest.deadLetterTopic", deadLetterTopic(kafka, name)),
                ConfigOverride.config("ingest.aggregatorApplicationId", kafka.groupId(name)),
                ConfigOverride.config("ingest.partitions", "4"),
                ConfigOverride.config("ingest.commitIntervalMs", "100"),
                ConfigOverride.config("ingest.aggregatorInProcess", String.valueOf(aggregatorInProcess)),
                ConfigOverride.config("dataDir", scratchDirectory())));
        return overrides.toArray(ConfigOverride[]::new);
    }

    static String measuresTopic(KafkaBroker kafka, String name) {
        return kafka.topic(name + ".measures");
    }

    static String deadLetterTopic(KafkaBroker kafka, String name) {
        return kafka.topic(name + ".dead-letter");
    }

    static String scratchDirectory() {
        try {
            return Files.createTempDirectory("meterflow-aggregator-it").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
