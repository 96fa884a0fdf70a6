package io.meterflow.timeseries.aggregator;

import io.dropwizard.testing.ConfigOverride;
import io.meterflow.deployment.DeploymentNamespace;
import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.TimeseriesApplication;
import io.meterflow.wire.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

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

    /**
     * A time-series service as its own JVM ({@code command}: server or aggregator), as bin/meterflow
     * starts it, in the test's Kafka mode on {@code db}: what a test can kill -9. Settings of its
     * own go in the returned builder's environment; its output goes to {@code log}.
     */
    static ProcessBuilder process(
            String command, PostgresDatabase db, KafkaBroker kafka, String name, Path log, String... jvmOptions)
            throws IOException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        line.addAll(List.of(jvmOptions));
        line.addAll(
                List.of("-cp", System.getProperty("java.class.path"), TimeseriesApplication.class.getName(), command));
        ProcessBuilder builder = new ProcessBuilder(line);
        Map<String, String> env = builder.environment();
        env.put("METERFLOW_DB_URL", ApiFixture.urlWithCredentials(db));
        env.put("METERFLOW_DB_POOL_SIZE", "4");
        env.put("METERFLOW_INGEST_MODE", "kafka");
        env.put("METERFLOW_KAFKA", kafka.bootstrapServers());
        // The test's own deployment namespace: its topics and groups, the sample ingest's too.
        env.put("METERFLOW_DEPLOYMENT", namespace(kafka, name).value());
        env.put("METERFLOW_DEPLOYMENTS_TOPIC", deploymentsTopic(kafka));
        env.put("METERFLOW_DATA_DIR", scratchDirectory());
        env.put("METERFLOW_LOG_LEVEL", "WARN");
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return builder;
    }

    /** A producer of raw records, for what the API would never write. */
    public static KafkaProducer<byte[], byte[]> producer(KafkaBroker kafka) {
        return new KafkaProducer<>(Map.of(
                "bootstrap.servers",
                kafka.bootstrapServers(),
                "key.serializer",
                ByteArraySerializer.class,
                "value.serializer",
                ByteArraySerializer.class));
    }

    static String scratchDirectory() {
        try {
            return Files.createTempDirectory("meterflow-aggregator-it").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
