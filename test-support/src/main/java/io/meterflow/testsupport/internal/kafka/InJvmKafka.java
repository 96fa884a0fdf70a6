package io.meterflow.testsupport.internal.kafka;

import io.meterflow.embeddedkafka.EmbeddedKafkaBroker;
import io.meterflow.singlenode.EmbeddedKafkaOptions;
import io.meterflow.testsupport.internal.Resource;
import io.meterflow.testsupport.internal.ScratchDirectory;

/**
 * The services' own single-node KRaft broker ({@link EmbeddedKafkaBroker}), started for the test run
 * on free loopback ports with a scratch log under {@code target/}, deleted again on close.
 */
final class InJvmKafka implements Resource {

    private final EmbeddedKafkaBroker broker;

    private InJvmKafka(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    static InJvmKafka start() {
        ScratchDirectory logDir = ScratchDirectory.create("kafka");
        return new InJvmKafka(EmbeddedKafkaBroker.start(logDir.path(), EmbeddedKafkaOptions.scratch()));
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void close() {
        broker.close();
    }
}
