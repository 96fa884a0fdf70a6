package io.meterflow.collector.amqp;

import io.dropwizard.lifecycle.Managed;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The RabbitMQ side of the live collector, tied to the server's lifecycle: batch consumers with
 * manual acknowledgement, reconnecting with exponential backoff (1 s up to 30 s) when the broker
 * goes away, and re-declaring the topology when it comes back.
 */
public final class NotificationConsumer implements Managed {

    private final CachingConnectionFactory connections;
    private final AmqpTopology topology;
    private final NotificationListener listener;
    private final SimpleMessageListenerContainer container;

    public NotificationConsumer(
            CachingConnectionFactory connections,
            AmqpTopology topology,
            NotificationListener listener,
            int prefetch,
            int concurrency,
            int batchSize) {
        this.connections = connections;
        this.topology = topology;
        this.listener = listener;
        this.container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(topology.queueNames().toArray(String[]::new));
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setPrefetchCount(Math.max(prefetch, batchSize));
        container.setConcurrentConsumers(concurrency);
        container.setConsumerBatchEnabled(true);
        container.setBatchSize(batchSize);
        // A partial batch waits at most this long, so a quiet stream still flows promptly.
        container.setBatchReceiveTimeout(200);
        container.setReceiveTimeout(100);
        container.setMissingQueuesFatal(false);
        container.setDefaultRequeueRejected(true);
        ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
        backOff.setMaxInterval(30_000);
        container.setRecoveryBackOff(backOff);
        container.setMessageListener(listener);
    }

    @Override
    public void start() {
        RabbitAdmin admin = new RabbitAdmin(connections);
        admin.setIgnoreDeclarationExceptions(true);
        connections.addConnectionListener(connection -> topology.declare(admin));
        topology.declare(admin);
        container.start();
    }

    @Override
    public void stop() {
        listener.stop();
        container.stop();
        connections.destroy();
    }

    public boolean isRunning() {
        return container.isRunning() && container.getActiveConsumerCount() > 0;
    }
}
