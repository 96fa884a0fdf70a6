package io.meterflow.timeseries.aggregator;

import io.dropwizard.testing.ConfigOverride;
import io.meterflow.deployment.DeploymentNamespace;
import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.wire.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings that put a test's API in the Kafka mode, in a deployment namespace of the test's own
 * (so its topics and groups start with the class's prefix and are deleted after it), with a
 * registry of namespaces of its own.
 */
public final class KafkaMode {

    private KafkaMode() {}

    public static ConfigOverride[] on(KafkaBroker kafka, String name, boolean aggregatorInProcess) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("ingest.mode", "kafka"),
                ConfigOverride.config("ingest.bootstrapServers", kafka.bootstrapServers()),
                ConfigOverride.config(
                        "ingest.deployment", namespace(kafka, name).value()),
                ConfigOverride.config("ingest.deploymentsTopic", deploymentsTopic(kafka)),
                ConfigOverride.config("ingest.partitions", "4"),
                ConfigOverride.config("ingest.commitIntervalMs", "100"),
                ConfigOverride.config("ingest.aggregatorInProcess", String.valueOf(aggregatorInProcess)),
                ConfigOverride.config("sampleIngest.commitIntervalMs", "100"),
                ConfigOverride.config("dataDir", scratchDirectory())));
        return overrides.toArray(ConfigOverride[]::new);
    }

    /** The test's deployment namespace: the class's prefix and {@code name}. */
    public static DeploymentNamespace namespace(KafkaBroker kafka, String name) {
        return new DeploymentNamespace(kafka.topic(name));
    }

    /** The class's own registry of namespaces, deleted with its other topics. */
    public static String deploymentsTopic(KafkaBroker kafka) {
        return kafka.topic("deployments");
    }

    public static String measuresTopic(KafkaBroker kafka, String name) {
        return namespace(kafka, name).name(Topics.MEASURES);
    }

    public static String samplesTopic(KafkaBroker kafka, String name) {
        return namespace(kafka, name).name(Topics.SAMPLES);
    }

    public static String resourceEventsTopic(KafkaBroker kafka, String name) {
        return namespace(kafka, name).name(Topics.RESOURCE_EVENTS);
    }

    public static String sampleDeadLetterTopic(KafkaBroker kafka, String name) {
        return namespace(kafka, name).name(Topics.SAMPLES_DEAD_LETTER);
    }

    public static String deadLetterTopic(KafkaBroker kafka, String name) {
        return namespace(kafka, name).name(Topics.MEASURES_DEAD_LETTER);
    }

    /** The aggregator's consumer group in the test's namespace. */
    public static String aggregatorGroup(KafkaBroker kafka, String name) {
        return namespace(kafka, name).name("meterflow-aggregator");
    }

    static String scratchDirectory() {
        try {
            return Files.createTempDirectory("meterflow-aggregator-it").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
