package io.meterflow.demo.bus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.meterflow.demo.scenario.OsloMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts notifications on RabbitMQ as oslo.messaging's notifier does: a topic exchange per service
 * (not durable, as OpenStack's default {@code amqp_durable_queues=false} declares it), routing key
 * {@code <topic>.<priority>}, JSON body. With publisher confirms: a batch counts as sent only once
 * the broker confirmed all of it, so the demo's record of what was sent never runs ahead.
 */
public final class NotificationPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationPublisher.class);
    private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);
    private static final AMQP.BasicProperties PROPERTIES = new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .contentEncoding("utf-8")
            .deliveryMode(2)
            .build();

    private final String amqpUrl;
    private final ObjectMapper json;
    private final Set<String> declared = new HashSet<>();
    private Connection connection;
    private Channel channel;

    public NotificationPublisher(String amqpUrl, ObjectMapper json) {
        this.amqpUrl = amqpUrl;
        this.json = json;
    }

    /** Publishes the messages in order and returns once RabbitMQ confirmed every one. */
    public synchronized void publish(List<OsloMessage> messages) throws IOException, InterruptedException {
        if (messages.isEmpty()) {
            return;
        }
        Channel open = channel();
        try {
            for (OsloMessage message : messages) {
                declare(open, message.exchange());
                open.basicPublish(message.exchange(), message.routingKey(), PROPERTIES, message.envelope(json));
            }
            open.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
        } catch (IOException | TimeoutException | RuntimeException e) {
            // The channel may be closed by the broker; start over with a new connection next time.
            reset();
            throw e instanceof IOException io
                    ? io
                    : new IOException("publishing demo notifications failed: " + e.getMessage(), e);
        }
        LOG.debug("published {} demo notifications", messages.size());
    }

    /**
     * Whether a queue exists, without creating it: the collector declares its queues when it
     * connects, and a notification published before then would be dropped by the exchange.
     */
    public synchronized boolean queueExists(String queue) throws IOException {
        Channel probe = connection().createChannel();
        try {
            probe.queueDeclarePassive(queue);
            return true;
        } catch (IOException e) {
            // A failed passive declare closes the channel: 404, the queue is not there (yet).
            return false;
        } finally {
            closeQuietly(probe);
        }
    }

    private void declare(Channel open, String exchange) throws IOException {
        if (declared.contains(exchange)) {
            return;
        }
        if (!exchangeExists(exchange)) {
            // Declared as the OpenStack services and the collector declare it by default, so either
            // may come first; an existing one is used as it is (it may be durable).
            open.exchangeDeclare(exchange, "topic", false, false, Map.of());
        }
        declared.add(exchange);
    }

    private boolean exchangeExists(String exchange) throws IOException {
        Channel probe = connection().createChannel();
        try {
            probe.exchangeDeclarePassive(exchange);
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            closeQuietly(probe);
        }
    }

    private static void closeQuietly(Channel probe) {
        if (probe.isOpen()) {
            try {
                probe.close();
            } catch (IOException | TimeoutException e) {
                LOG.debug("closing a probe channel failed: {}", e.getMessage());
            }
        }
    }

    private Channel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = connection().createChannel();
            channel.confirmSelect();
            declared.clear();
        }
        return channel;
    }

    private Connection connection() throws IOException {
        if (connection == null || !connection.isOpen()) {
            ConnectionFactory factory = new ConnectionFactory();
            try {
                factory.setUri(amqpUrl);
            } catch (Exception e) {
                throw new IOException("invalid AMQP URL for the demo: " + e.getMessage(), e);
            }
            factory.setAutomaticRecoveryEnabled(false);
            try {
                connection = factory.newConnection("meterflow-demo");
            } catch (TimeoutException e) {
                throw new IOException("RabbitMQ did not answer the demo in time", e);
            }
        }
        return connection;
    }

    private void reset() {
        close();
        channel = null;
        connection = null;
    }

    @Override
    public synchronized void close() {
        try {
            if (connection != null && connection.isOpen()) {
                connection.close();
            }
        } catch (IOException e) {
            LOG.debug("closing the demo's AMQP connection failed: {}", e.getMessage());
        }
    }
}
