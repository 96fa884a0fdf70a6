package io.meterflow.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@RealServices
class AmqpBrokerIT {

    @Test
    void carriesAMessageThroughTheClassOwnExchangeAndQueue(AmqpBroker broker) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(broker.uri());
        assertThat(factory.getVirtualHost()).isEqualTo(broker.virtualHost());
        String exchange = broker.name("notifications");
        String queue = broker.name("notifications.metering");

        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            // Exclusive queue, auto-delete exchange: nothing is left behind even on a shared virtual host.
            channel.exchangeDeclare(exchange, "topic", false, true, null);
            channel.queueDeclare(queue, false, true, true, null);
            channel.queueBind(queue, exchange, "compute.instance.#");
            channel.basicPublish(
                    exchange,
                    "compute.instance.exists",
                    null,
                    "{\"event_type\":\"compute.instance.exists\"}".getBytes(StandardCharsets.UTF_8));

            GetResponse response = awaitMessage(channel, queue, Duration.ofSeconds(10));
            assertThat(new String(response.getBody(), StandardCharsets.UTF_8))
                    .isEqualTo("{\"event_type\":\"compute.instance.exists\"}");
            assertThat(response.getEnvelope().getRoutingKey()).isEqualTo("compute.instance.exists");
        }
    }

    @Test
    void prefixesNamesWithTheClassIsolationId(AmqpBroker broker) {
        assertThat(broker.name("usage")).startsWith("mf_test_").endsWith(".usage");
        assertThat(broker.namePrefix()).isEqualTo(broker.name(""));
    }

    private static GetResponse awaitMessage(Channel channel, String queue, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            GetResponse response = channel.basicGet(queue, true);
            if (response != null) {
                return response;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("No message on " + queue + " within " + timeout);
    }
}
