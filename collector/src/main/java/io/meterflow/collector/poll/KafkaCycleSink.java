package io.meterflow.collector.poll;

import io.meterflow.collector.polling.CycleReport;
import io.meterflow.collector.polling.CycleSink;
import io.meterflow.collector.publish.KafkaPublisher;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each polling cycle's samples to the samples topic and waits for Kafka's
 * acknowledgement. A cycle Kafka did not take is logged with its size and dropped, as Ceilometer's
 * agent drops it: the polled meters are cumulative counters and gauges, so the next cycle carries
 * the same totals, and a cycle that waited for Kafka would delay every later one.
 */
public final class KafkaCycleSink implements CycleSink {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaCycleSink.class);

    private final KafkaPublisher publisher;
    private final Duration timeout;

    public KafkaCycleSink(KafkaPublisher publisher, Duration timeout) {
        this.publisher = publisher;
        this.timeout = timeout;
    }

    @Override
    public void accept(CycleReport report) {
        if (report.samples().isEmpty()) {
            return;
        }
        try {
            publisher.publishSamples(report.samples()).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            LOG.info(
                    "Polling cycle {}: {} samples of {} instances in Kafka",
                    report.stamp().cycleId(),
                    report.samples().size(),
                    report.polled());
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn(
                    "Polling cycle {}: Kafka did not take its {} samples ({}); the next cycle carries the totals",
                    report.stamp().cycleId(),
                    report.samples().size(),
                    e.getCause() == null ? e.toString() : e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
