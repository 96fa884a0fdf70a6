package io.meterflow.embeddedkafka;

import io.meterflow.singlenode.EmbeddedKafkaOptions;
import io.meterflow.singlenode.LocalKafkaBroker;
import java.nio.file.Path;

/** How {@code SingleNodeKafka} starts a broker when this module is on the class path. */
public final class EmbeddedKafkaStarter implements LocalKafkaBroker.Starter {

    @Override
    public LocalKafkaBroker start(Path dataDirectory, EmbeddedKafkaOptions options) {
        return EmbeddedKafkaBroker.start(dataDirectory, options);
    }
}
