package io.meterflow.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.meterflow.collector.amqp.DeadLetterPublisher;
import io.meterflow.collector.amqp.NotificationConsumer;
import io.meterflow.collector.publish.KafkaPublisher;
import io.meterflow.testsupport.AmqpBroker;
import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.RealServices;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The live collector on real brokers (RabbitMQ or the embedded Qpid; Kafka), with faults: the AMQP
 * connection cut mid-stream, Kafka away for a while, poison messages. In every case each sample
 * reaches Kafka exactly once.
 */
@RealServices
class CollectorIT {

    @Test
    void everySampleOnceWhenTheAmqpConnectionIsCutMidStream(AmqpBroker amqp, KafkaBroker kafka) throws Exception {
        List<String> lines = LiveCollector.goldenLines(900);
        LiveCollector.Expected expected = LiveCollector.expected(lines);
        URI uri = URI.create(amqp.uri());
        try (TcpProxy proxy = new TcpProxy(amqp.host(), amqp.port())) {
            String proxied = new URI(
                            uri.getScheme(), uri.getUserInfo(), "127.0.0.1", proxy.port(), uri.getPath(), null, null)
                    .toString();
            CollectorConfiguration config = LiveCollector.config(
                    amqp,
                    proxied,
                    kafka.bootstrapServers(),
                    kafka.topic("samples-a"),
                    kafka.topic("events-a"),
                    100,
                    50);
            try (KafkaPublisher publisher = LiveCollector.publisher(config, "it-a")) {
                NotificationConsumer consumer = LiveCollector.start(config, publisher);
                try {
                    LiveCollector.publish(amqp, lines.subList(0, 450));
                    Thread.sleep(300);
                    proxy.cut();
                    LiveCollector.publish(amqp, lines.subList(450, lines.size()));
                    Thread.sleep(3000);
                    proxy.restore();
                    List<String> ids = LiveCollector.sampleIds(
                            kafka.bootstrapServers(),
                            kafka.topic("samples-a"),
                            kafka.groupId("check-a"),
                            expected.sampleIds().size(),
                            Duration.ofSeconds(90));
                    assertThat(LiveCollector.distinct(ids)).containsExactlyInAnyOrderElementsOf(expected.sampleIds());
                    assertThat(ids).hasSameSizeAs(expected.sampleIds());
                } finally {
                    consumer.stop();
                }
            }
        }
    }

    @Test
    void notificationsWaitUnacknowledgedWhileKafkaIsAwayThenFlow(AmqpBroker amqp) throws Exception {
        List<String> lines = LiveCollector.goldenLines(400);
        LiveCollector.Expected expected = LiveCollector.expected(lines);
        try (ProxiedKafka kafka = ProxiedKafka.start(Path.of("target", "proxied-kafka-" + System.nanoTime()))) {
            CollectorConfiguration config =
                    LiveCollector.config(amqp, amqp.uri(), kafka.bootstrapServers(), "samples-b", "events-b", 50, 50);
            try (KafkaPublisher publisher = LiveCollector.publisher(config, "it-b")) {
                NotificationConsumer consumer = LiveCollector.start(config, publisher);
                try {
                    kafka.proxy().cut();
                    LiveCollector.publish(amqp, lines);
                    Thread.sleep(6000);
                    // Only a prefetch's worth is out with the consumer, unacknowledged; the rest waits in the queue.
                    assertThat(readyMessages(amqp, amqp.name("q.notifications.info")))
                            .isGreaterThan(200);
                    kafka.proxy().restore();
                    List<String> ids = LiveCollector.sampleIds(
                            kafka.bootstrapServers(),
                            "samples-b",
                            "check-b",
                            expected.sampleIds().size(),
                            Duration.ofSeconds(120));
                    assertThat(LiveCollector.distinct(ids)).containsExactlyInAnyOrderElementsOf(expected.sampleIds());
                } finally {
                    consumer.stop();
                }
            }
        }
    }

    @Test
    void poisonMessagesAreDeadLetteredWithTheirReasonAndTheStreamGoesOn(AmqpBroker amqp, KafkaBroker kafka)
            throws Exception {
        List<String> lines = new ArrayList<>(LiveCollector.goldenLines(200));
        lines.add(50, "{\"exchange\":\"nova\",\"routing_key\":\"notifications.info\",\"body\":\"not json at all\"}");
        lines.add(
                120,
                "{\"exchange\":\"keystone\",\"routing_key\":\"notifications.info\",\"body\":"
                        + "{\"oslo.version\":\"2.0\",\"oslo.message\":\"{\\\"payload\\\":{}}\"}}");
        LiveCollector.Expected expected = LiveCollector.expected(lines);
        CollectorConfiguration config = LiveCollector.config(
                amqp, amqp.uri(), kafka.bootstrapServers(), kafka.topic("samples-c"), kafka.topic("events-c"), 100, 50);
        try (KafkaPublisher publisher = LiveCollector.publisher(config, "it-c")) {
            NotificationConsumer consumer = LiveCollector.start(config, publisher);
            try {
                LiveCollector.publish(amqp, lines);
                List<String> ids = LiveCollector.sampleIds(
                        kafka.bootstrapServers(),
                        kafka.topic("samples-c"),
                        kafka.groupId("check-c"),
                        expected.sampleIds().size(),
                        Duration.ofSeconds(60));
                assertThat(LiveCollector.distinct(ids)).containsExactlyInAnyOrderElementsOf(expected.sampleIds());
                List<String> reasons = deadLetterReasons(amqp, amqp.name("dead-letter"));
                assertThat(reasons).hasSize(expected.deadLetters());
                assertThat(reasons).filteredOn(r -> r.startsWith("malformed:")).hasSize(2);
                assertThat(reasons)
                        .filteredOn(r -> r.startsWith("no meter definition matches"))
                        .isNotEmpty();
            } finally {
                consumer.stop();
            }
        }
    }

    private static long readyMessages(AmqpBroker amqp, String queue) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqp.uri());
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    private static List<String> deadLetterReasons(AmqpBroker amqp, String queue) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqp.uri());
        List<String> reasons = new ArrayList<>();
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            GetResponse response;
            while ((response = channel.basicGet(queue, true)) != null) {
                reasons.add(String.valueOf(response.getProps().getHeaders().get(DeadLetterPublisher.REASON_HEADER)));
            }
        }
        return reasons;
    }
}
