package io.meterflow.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.meterflow.collector.amqp.NotificationConsumer;
import io.meterflow.collector.ingest.CollectorMetrics;
import io.meterflow.collector.publish.KafkaPublisher;
import io.meterflow.testsupport.AmqpBroker;
import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.RealServices;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real RabbitMQ server restarted while the collector drains a stream of notifications: the node
 * stops (gracefully, or killed outright) with thousands of messages still queued and a prefetch's
 * worth out with the collector unacknowledged, starts again on its data, and the collector
 * reconnects on its own. Every notification's samples reach Kafka exactly once: acknowledgements
 * follow the Kafka write, and redeliveries of messages already published are recognised by
 * message id.
 *
 * <p>The node is the test's own (the machine's RabbitMQ installation on free ports), so other
 * tests keep their broker. Without a RabbitMQ installation the test is skipped: the embedded Qpid
 * keeps messages in memory only, and a restart of it proves nothing about RabbitMQ.
 */
@RealServices
class RabbitMqRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(RabbitMqRestartIT.class);
    private static final int COPIES_OF_THE_GOLDEN_STREAM = 8;

    private enum Restart {
        GRACEFUL,
        KILLED
    }

    @Test
    void everySampleOnceWhenRabbitMqIsRestartedWhileTheCollectorDrains(KafkaBroker kafka) throws Exception {
        restartMidStream(Restart.GRACEFUL, kafka, "graceful");
    }

    @Test
    void everySampleOnceWhenRabbitMqIsKilledAndStartedAgainWhileTheCollectorDrains(KafkaBroker kafka) throws Exception {
        restartMidStream(Restart.KILLED, kafka, "killed");
    }

    private static void restartMidStream(Restart restart, KafkaBroker kafka, String name) throws Exception {
        Path server = RabbitMqNode.installedServer().orElse(null);
        assumeTrue(server != null, "no RabbitMQ installation to run a node of the test's own");
        List<String> golden = LiveCollector.goldenLines(1500);
        List<String> before = LiveCollector.distinctCopies(golden, COPIES_OF_THE_GOLDEN_STREAM);
        List<String> after = LiveCollector.distinctCopies(golden, COPIES_OF_THE_GOLDEN_STREAM + 1)
                .subList(before.size(), before.size() + golden.size());
        LiveCollector.Expected expected = LiveCollector.expected(concat(before, after));
        String samples = kafka.topic("samples-" + name);
        try (RabbitMqNode node =
                RabbitMqNode.start(server, Path.of("target", "rabbitmq-" + name + "-" + System.nanoTime()))) {
            AmqpBroker amqp = new AmqpBroker(node.uri(), "/", "restart-" + name + ".");
            CollectorConfiguration config = LiveCollector.config(
                    amqp, amqp.uri(), kafka.bootstrapServers(), samples, kafka.topic("events-" + name), 200, 100);
            String queue = amqp.name("q.notifications.info");
            // The collector declares its queues first; it then stops so the whole stream waits queued.
            try (KafkaPublisher publisher = LiveCollector.publisher(config, "it-declare-" + name)) {
                LiveCollector.start(config, publisher).stop();
            }
            LiveCollector.publish(amqp, before);
            long queued = queuedMessages(amqp, queue);
            try (KafkaPublisher publisher = LiveCollector.publisher(config, "it-" + name)) {
                AtomicLong received = new AtomicLong();
                NotificationConsumer consumer = LiveCollector.start(config, publisher, new CollectorMetrics() {
                    @Override
                    public void received(int notifications) {
                        received.addAndGet(notifications);
                    }
                });
                try {
                    long left = awaitDrainedBelow(amqp, queue, queued * 8 / 10);
                    long stoppedAt = System.nanoTime();
                    if (restart == Restart.GRACEFUL) {
                        node.stop();
                    } else {
                        node.kill();
                    }
                    Thread.sleep(3000);
                    node.startAgain();
                    long startedAt = System.nanoTime();
                    awaitConsuming(amqp, queue, Duration.ofSeconds(90));
                    long consumingAt = System.nanoTime();
                    LiveCollector.publish(amqp, after);
                    List<String> ids = LiveCollector.sampleIds(
                            kafka.bootstrapServers(),
                            samples,
                            kafka.groupId("check-" + name),
                            expected.sampleIds().size(),
                            Duration.ofSeconds(180));
                    long doneAt = System.nanoTime();
                    LOG.info(
                            "RabbitMQ {}: {} messages in the info queue (of {} in all), stopped with {} still ready; consuming again {} ms"
                                    + " after the node was up; {} deliveries of {} messages; {} samples ({} distinct, {} expected), all in Kafka {} ms"
                                    + " after the stop",
                            restart,
                            queued,
                            before.size(),
                            left,
                            millis(startedAt, consumingAt),
                            received.get(),
                            before.size() + after.size(),
                            ids.size(),
                            LiveCollector.distinct(ids).size(),
                            expected.sampleIds().size(),
                            millis(stoppedAt, doneAt));
                    assertThat(left)
                            .as("the restart came mid-stream, with messages still queued")
                            .isPositive();
                    // Compared as multisets: a copy of a Nova notification repeats its content-derived sample
                    // ids by design, so each id must arrive exactly as often as the stream yields it.
                    assertThat(ids).as("every sample once").containsExactlyInAnyOrderElementsOf(expected.sampleIds());
                } finally {
                    consumer.stop();
                }
            }
        }
    }

    /** Waits until the collector has taken a fifth of the stream, and answers what is still queued. */
    private static long awaitDrainedBelow(AmqpBroker amqp, String queue, long threshold) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        ConnectionFactory factory = factory(amqp);
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            while (System.nanoTime() < deadline) {
                long ready = channel.queueDeclarePassive(queue).getMessageCount();
                if (ready < threshold) {
                    return ready;
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the collector did not start draining " + queue);
    }

    /**
     * The collector consumes again, so it has declared its topology again too: the services'
     * exchanges are not durable and were gone with the node, and with them the bindings.
     */
    private static void awaitConsuming(AmqpBroker amqp, String queue, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection connection = factory(amqp).newConnection();
                    Channel channel = connection.createChannel()) {
                if (channel.queueDeclarePassive(queue).getConsumerCount() > 0) {
                    return;
                }
            } catch (IOException e) {
                // the queue is back only once the node has recovered it
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the collector did not consume " + queue + " again within " + timeout);
    }

    private static long queuedMessages(AmqpBroker amqp, String queue) throws Exception {
        try (Connection connection = factory(amqp).newConnection();
                Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        }
    }

    private static ConnectionFactory factory(AmqpBroker amqp) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(amqp.uri());
        return factory;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static long millis(long fromNanos, long toNanos) {
        return Duration.ofNanos(toNanos - fromNanos).toMillis();
    }
}
