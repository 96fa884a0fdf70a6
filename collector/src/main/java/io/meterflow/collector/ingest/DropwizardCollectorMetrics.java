package io.meterflow.collector.ingest;

import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** {@link CollectorMetrics} in Dropwizard's registry, which /admin/prometheus exposes. */
public final class DropwizardCollectorMetrics implements CollectorMetrics {

    private final Meter received;
    private final Meter acknowledged;
    private final Meter samplesPublished;
    private final Meter resourceEventsPublished;
    private final Meter dropped;
    private final Meter samplesDropped;
    private final Meter deadLettered;
    private final Meter publishRetries;
    private final Histogram lag;
    private final AtomicLong lastLag = new AtomicLong();

    public DropwizardCollectorMetrics(MetricRegistry registry) {
        received = registry.meter("collector.notifications.received");
        acknowledged = registry.meter("collector.notifications.acknowledged");
        dropped = registry.meter("collector.notifications.dropped");
        deadLettered = registry.meter("collector.notifications.dead_lettered");
        samplesPublished = registry.meter("collector.samples.published");
        samplesDropped = registry.meter("collector.samples.dropped");
        resourceEventsPublished = registry.meter("collector.resource_events.published");
        publishRetries = registry.meter("collector.kafka.publish_retries");
        lag = registry.histogram("collector.lag_millis");
        registry.gauge("collector.lag_millis.last", () -> lastLag::get);
    }

    @Override
    public void received(int notifications) {
        received.mark(notifications);
    }

    @Override
    public void acknowledged(int notifications) {
        acknowledged.mark(notifications);
    }

    @Override
    public void published(int samples, int resourceEvents) {
        samplesPublished.mark(samples);
        resourceEventsPublished.mark(resourceEvents);
    }

    @Override
    public void dropped(int notifications) {
        dropped.mark(notifications);
    }

    @Override
    public void samplesDropped(int samples) {
        samplesDropped.mark(samples);
    }

    @Override
    public void deadLettered(int notifications) {
        deadLettered.mark(notifications);
    }

    @Override
    public void lagMillis(long millis) {
        lag.update(millis);
        lastLag.set(millis);
    }

    @Override
    public void publishRetried(int notifications) {
        publishRetries.mark(notifications);
    }
}
