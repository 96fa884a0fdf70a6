package io.meterflow.timeseries.aggregator;

import io.dropwizard.testing.ConfigOverride;
import io.meterflow.testsupport.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/** Settings that put a test's API in the Kafka mode, on the test's own topics and group. */
public final class KafkaMode {

    private KafkaMode() {}

    public static ConfigOverride[] on(KafkaBroker kafka, String name, boolean aggregatorInProcess) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("ingest.mode", "kafka"),
                ConfigOverride.config("ingest.bootstrapServers", kafka.bootstrapServers()),
                ConfigOverride.config("ingest.measuresTopic", measuresTopic(kafka, name)),
                ConfigOverride.config("ingest.deadLetterTopic", deadLetterTopic(kafka, name)),
                ConfigOverride.config("ingest.aggregatorApplicationId", kafka.groupId(name)),
                ConfigOverride.config("ingest.partitions", "4"),
                ConfigOverride.config("ingest.commitIntervalMs", "100"),
                ConfigOverride.config("ingest.aggregatorInProcess", String.valueOf(aggregatorInProcess)),
                // The sample ingest runs with the aggregator: on this class's topics and group too.
                ConfigOverride.config("sampleIngest.samplesTopic", samplesTopic(kafka, name)),
                ConfigOverride.config("sampleIngest.resourceEventsTopic", resourceEventsTopic(kafka, name)),
                ConfigOverride.config("sampleIngest.deadLetterTopic", sampleDeadLetterTopic(kafka, name)),
                ConfigOverride.config("sampleIngest.applicationId", kafka.groupId(name + ".sample-ingest")),
                ConfigOverride.config("sampleIngest.commitIntervalMs", "100"),
                ConfigOverride.config("dataDir", scratchDirectory())));
        return overrides.toArray(ConfigOverride[]::new);
    }

    public static String measuresTopic(KafkaBroker kafka, String name) {
        return kafka.topic(name + ".measures");
    }

    public static String samplesTopic(KafkaBroker kafka, String name) {
        return kafka.topic(name + ".samples");
    }

    public static String resourceEventsTopic(KafkaBroker kafka, String name) {
        return kafka.topic(name + ".resource-events");
    }

    public static String sampleDeadLetterTopic(KafkaBroker kafka, String name) {
        return kafka.topic(name + ".samples.dead-letter");
    }

    public static String deadLetterTopic(KafkaBroker kafka, String name) {
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
