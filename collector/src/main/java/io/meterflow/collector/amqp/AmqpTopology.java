package io.meterflow.collector.amqp;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The collector's exchanges, queues and bindings: one durable queue of its own per routing key
 * ({@code meterflow.notifications.info}, ...), bound to every control exchange, so Ceilometer's own
 * queues are left alone and both can run side by side; plus the durable dead-letter queue.
 * Declared at start and again on every reconnection (a restarted broker may have lost the
 * services' non-durable exchanges).
 */
public final class AmqpTopology {

    private static final Logger LOG = LoggerFactory.getLogger(AmqpTopology.class);

    private final List<String> exchanges;
    private final List<String> routingKeys;
    private final String queuePrefix;
    private final String deadLetterQueue;
    private final boolean exchangeDurable;

    public AmqpTopology(
            List<String> exchanges,
            List<String> routingKeys,
            String queuePrefix,
            String deadLetterQueue,
            boolean exchangeDurable) {
        this.exchanges = List.copyOf(exchanges);
        this.routingKeys = List.copyOf(routingKeys);
        this.queuePrefix = queuePrefix;
        this.deadLetterQueue = deadLetterQueue;
        this.exchangeDurable = exchangeDurable;
    }

    public List<String> queueNames() {
        return routingKeys.stream().map(k -> queuePrefix + k).toList();
    }

    public String deadLetterQueue() {
        return deadLetterQueue;
    }

    public void declare(RabbitAdmin admin) {
        admin.declareQueue(new Queue(deadLetterQueue, true, false, false));
        List<Binding> bindings = new ArrayList<>();
        for (String routingKey : routingKeys) {
            Queue queue = new Queue(queuePrefix + routingKey, true, false, false);
            admin.declareQueue(queue);
            for (String exchange : exchanges) {
                bindings.add(BindingBuilder.bind(queue)
                        .to(new TopicExchange(exchange))
                        .with(routingKey));
            }
        }
        for (String exchange : exchanges) {
            try {
                admin.declareExchange(new TopicExchange(exchange, exchangeDurable, false));
            } catch (RuntimeException e) {
                // Declared before by the services with other flags: it exists, which is all a binding needs.
                LOG.warn("Exchange {} not declared ({}); binding to it as it is", exchange, e.getMessage());
            }
        }
        bindings.forEach(admin::declareBinding);
        LOG.info(
                "Consuming {} bound to {} exchanges; dead letters to {}",
                queueNames(),
                exchanges.size(),
                deadLetterQueue);
    }
}
