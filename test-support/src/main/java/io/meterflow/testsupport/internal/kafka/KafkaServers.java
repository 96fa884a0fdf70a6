package io.meterflow.testsupport.internal.kafka;

import io.meterflow.testsupport.internal.DockerProbe;
import io.meterflow.testsupport.internal.Resource;
import io.meterflow.testsupport.internal.Source;
import java.util.Optional;
import org.apache.kafka.common.utils.internals.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/** Starts (or finds) the Kafka cluster for the test run, from the first source available. */
public final class KafkaServers {

    /** The broker image of the same release as the clients on the class path. */
    static final DockerImageName IMAGE = DockerImageName.parse("apache/kafka:" + AppInfoParser.getVersion());

    private KafkaServers() {}

    public static KafkaServer start(Optional<String> configured, DockerProbe docker) {
        return switch (Source.choose(configured.isPresent(), docker)) {
            case EXTERNAL ->
                new KafkaServer(
                        configured.orElseThrow(),
                        "external cluster " + configured.orElseThrow() + " (METERFLOW_TEST_KAFKA)",
                        Resource.NONE);
            case CONTAINER -> container();
            case EMBEDDED -> inJvm();
        };
    }

    private static KafkaServer container() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        container.start();
        return new KafkaServer(
                container.getBootstrapServers(),
                "Testcontainers " + IMAGE.asCanonicalNameString() + " at " + container.getBootstrapServers(),
                container::stop);
    }

    private static KafkaServer inJvm() {
        InJvmKafka kafka = InJvmKafka.start();
        return new KafkaServer(
                kafka.bootstrapServers(),
                "in-JVM KRaft broker " + AppInfoParser.getVersion() + " at " + kafka.bootstrapServers(),
                kafka);
    }
}
