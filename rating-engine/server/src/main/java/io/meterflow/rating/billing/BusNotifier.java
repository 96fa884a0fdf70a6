package io.meterflow.rating.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

/**
 * Publishes notifications as an OpenStack service's oslo.messaging notifier does on RabbitMQ: the
 * message in oslo's version 2 envelope, on a topic exchange with the routing key
 * {@code <topic>.<priority>}, into the queue of that name, which it declares as oslo does so that
 * nothing is lost before a consumer first binds. A publish returns only once the broker confirmed
 * it, so the caller may record it as sent.
 *
 * <p>Exchange and queue are declared as oslo's defaults declare them (not durable): declaring them
 * otherwise fails when OpenStack's services made them first. One that exists is used as it is.
 */
public final class BusNotifier implements Managed {

    /** oslo's timestamp: {@code str(datetime.utcnow())}. */
    private static final DateTimeFormatter OSLO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private static final long CONFIRM_TIMEOUT_MS = 10_000;

    private final String amqpUrl;
    private final String exchange;
    private final String topic;
    private final ObjectMapper json;
    private final Clock clock;
    private final String publisherId;
    private Connection connection;
    private Channel channel;

    /** @param amqpUrl empty: no bus, {@link #enabled()} is false */
    public BusNotifier(String amqpUrl, String exchange, String topic, ObjectMapper json, Clock clock) {
        this.amqpUrl = amqpUrl;
        this.exchange = exchange;
        this.topic = topic;
        this.json = json;
        this.clock = clock;
        this.publisherId = "rating." + hostName();
    }

    public boolean enabled() {
        return !amqpUrl.isEmpty();
    }

    /**
     * @param messageId oslo's message_id: the same for every attempt of one notification, so that a
     *     consumer recognises the copy a crash between the broker's confirm and our record resends
     * @throws IOException the broker is unreachable or did not confirm: nothing may be recorded as sent
     */
    synchronized void publish(UUID messageId, String eventType, ObjectNode payload) throws IOException {
        if (!enabled()) {
            throw new IllegalStateException("no notification bus is configured");
        }
        byte[] body = envelope(messageId, eventType, payload);
        String routingKey = topic + ".info";
        try {
            Channel open = channel(routingKey);
            open.basicPublish(
                    exchange,
                    routingKey,
                    new AMQP.BasicProperties.Builder()
                            .contentType("application/json")
                            .contentEncoding("utf-8")
                            .deliveryMode(2)
                            .build(),
                    body);
            open.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
        } catch (IOException | TimeoutException | RuntimeException e) {
            // A channel closed by the broker stays closed: start over on the next publish.
            closeQuietly();
            throw e instanceof IOException io ? io : new IOException("notification not confirmed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly();
            throw new IOException("interrupted while waiting for the broker's confirm", e);
        }
    }

    private byte[] envelope(UUID messageId, String eventType, ObjectNode payload) throws JsonProcessingException {
        ObjectNode message = json.createObjectNode();
        message.put("message_id", messageId.toString());
        message.put("publisher_id", publisherId);
        message.put("event_type", eventType);
        message.put("priority", "INFO");
        message.set("payload", payload);
        message.put(
                "timestamp",
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(OSLO_TIME));
        // oslo's envelope carries the message serialized once more, as a string.
        Map<String, String> envelope = Map.of("oslo.version", "2.0", "oslo.message", json.writeValueAsString(message));
        return json.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8);
    }

    private Channel channel(String queue) throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        closeQuietly();
        ConnectionFactory factory = new ConnectionFactory();
        try {
            factory.setUri(amqpUrl);
        } catch (java.net.URISyntaxException | java.security.GeneralSecurityException e) {
            throw new IOException("notifications.amqpUrl: " + e.getMessage(), e);
        }
        factory.setConnectionTimeout(5_000);
        connection = factory.newConnection("meterflow-rating-notifications");
        Channel fresh = ensureDeclared(connection, queue);
        fresh.confirmSelect();
        channel = fresh;
        return fresh;
    }

    /** Declares the exchange and queue where they do not exist yet; a failed passive declare closes its channel. */
    private Channel ensureDeclared(Connection open, String queue) throws IOException {
        Channel probe = open.createChannel();
        try {
            probe.exchangeDeclarePassive(exchange);
        } catch (IOException missing) {
            probe = open.createChannel();
            probe.exchangeDeclare(exchange, "topic", false);
        }
        try {
            probe.queueDeclarePassive(queue);
        } catch (IOException missing) {
            probe = open.createChannel();
            probe.queueDeclare(queue, false, false, false, null);
        }
        probe.queueBind(queue, exchange, queue);
        return probe;
    }

    private void closeQuietly() {
        channel = null;
        if (connection != null) {
            try {
                connection.close(2_000);
            } catch (IOException | RuntimeException ignored) {
                // Already gone: nothing left to release.
            }
            connection = null;
        }
    }

    @Override
    public synchronized void stop() {
        closeQuietly();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
