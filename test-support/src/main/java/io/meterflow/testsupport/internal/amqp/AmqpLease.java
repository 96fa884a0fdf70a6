package io.meterflow.testsupport.internal.amqp;

import io.meterflow.testsupport.AmqpBroker;
import io.meterflow.testsupport.internal.Resource;
import java.util.Objects;

/** One test class's place on the broker: its virtual host or just its name prefix, and how to give it back. */
public record AmqpLease(AmqpBroker broker, Resource release) implements Resource {

    public AmqpLease {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(release, "release");
    }

    @Override
    public void close() {
        release.close();
    }
}
