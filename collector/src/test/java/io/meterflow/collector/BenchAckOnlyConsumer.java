package io.meterflow.collector;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ceiling of collector/bench/bench-collector.sh ({@code MODE=ack-only}): a consumer that takes
 * deliveries off the collector's queue and acknowledges them, as the collector does (one channel per
 * consumer, the same prefetch, one multiple-ack per batch), but does nothing else. What it reaches
 * is what RabbitMQ on this machine can hand to any consumer. Prints one JSON line.
 * <p>Arguments: AMQP URI, queue, messages expected, consumers, prefetch, batch size.
 */
public final class BenchAckOnlyConsumer {

    private BenchAckOnlyConsumer() {}

    public static void main(String[] args) throws Exception {
        String uri = args[0];
        String queue = args[1];
        long expected = Long.parseLong(args[2]);
        int consumers = Integer.parseInt(args[3]);
        int prefetch = Integer.parseInt(args[4]);
        int batch = Integer.parseInt(args[5]);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        AtomicLong received = new AtomicLong();
        AtomicLong firstAt = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        try (Connection connection = factory.newConnection("meterflow-bench-ack-only")) {
            for (int i = 0; i < consumers; i++) {
                Channel channel = connection.createChannel();
                channel.basicQos(prefetch);
                channel.basicConsume(queue, false, new DefaultConsumer(channel) {
                    private int unacknowledged;

                    @Override
                    public void handleDelivery(
                            String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                            throws java.io.IOException {
                        firstAt.compareAndSet(0, System.nanoTime());
                        long count = received.incrementAndGet();
                        if (++unacknowledged >= batch || count >= expected) {
                            getChannel().basicAck(envelope.getDeliveryTag(), true);
                            unacknowledged = 0;
                        }
                        if (count >= expected) {
                            done.countDown();
                        }
                    }
                });
            }
            if (!done.await(600, TimeUnit.SECONDS)) {
                throw new IllegalStateException("only " + received.get() + " of " + expected + " arrived");
            }
            double seconds = (System.nanoTime() - firstAt.get()) / 1e9;
            System.out.printf(
                    "{\"system\": \"ack-only-consumer\", \"phase\": \"drain\", \"notifications\": %d, "
                            + "\"seconds\": %.3f, \"notifications_per_s\": %d, \"consumers\": %d, \"prefetch\": %d, "
                            + "\"batch\": %d}%n",
                    expected, seconds, Math.round(expected / seconds), consumers, prefetch, batch);
        }
    }
}
