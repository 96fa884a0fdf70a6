package io.meterflow.collector.ingest;

import io.dropwizard.lifecycle.Managed;
import io.meterflow.collector.publish.SampleJson;
import io.meterflow.collector.resource.ResourceEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the consumer attaches, runs the processing path (envelope, meter definitions, sample and
 * resource-event JSON) over bundled notifications, one of every kind Ceilometer meters, for a fixed
 * time, and throws the results away. In a cold drain the JIT compiler was the largest single user
 * of the collector's CPU (more than the consumers); a collector restarted in front of a backlog
 * then ran at half its warm rate while it compiled. This moves that compilation before the first
 * delivery. It uses a processor of its own, so the live one's dedup ledger and Nova twin memory
 * never see these messages; nothing is published or acknowledged.
 */
public final class ProcessingWarmUp implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessingWarmUp.class);
    /** Recorded by ../shared/ceilometer/notify.py, one wire body per line. */
    private static final String NOTIFICATIONS = "warm-up-notifications.jsonl";

    private final NotificationProcessor processor;
    private final SampleJson json;
    private final List<byte[]> bodies;
    private final Duration budget;
    private final Clock clock;

    /** @param processor a processor of its own, not the live consumer's */
    public ProcessingWarmUp(NotificationProcessor processor, SampleJson json, List<byte[]> bodies, Duration budget,
            Clock clock) {
        this.processor = processor;
        this.json = json;
        this.bodies = List.copyOf(bodies);
        this.budget = budget;
        this.clock = clock;
        if (bodies.isEmpty() && !budget.isZero()) {
            throw new IllegalArgumentException("a warm-up needs notifications");
        }
    }

    /** The notifications shipped in the jar. */
    public static List<byte[]> bundledNotifications() {
        try (InputStream in = Objects.requireNonNull(ProcessingWarmUp.class.getResourceAsStream(NOTIFICATIONS),
                NOTIFICATIONS); BufferedReader lines = new BufferedReader(new InputStreamReader(in,
                StandardCharsets.UTF_8))) {
            return lines.lines().filter(line -> !line.isBlank()).map(line -> line.getBytes(StandardCharsets.UTF_8))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + NOTIFICATIONS, e);
        }
    }

    @Override
    public void start() {
        if (budget.isZero()) {
            return;
        }
        long started = clock.millis();
        long deadline = started + budget.toMillis();
        long notifications = 0;
        long samples = 0;
        while (clock.millis() < deadline) {
            for (byte[] body : bodies) {
                samples += run(body);
            }
            notifications += bodies.size();
        }
        LOG.info("Warm-up: {} notifications, {} samples in {} ms, before consuming", notifications, samples,
                clock.millis() - started);
    }

    /** The size of what would be published, so the work cannot be optimised away. */
    private long run(byte[] body) {
        if (!(processor.process(body) instanceof Outcome.Metered metered)) {
            return 0;
        }
        long bytes = 0;
        for (byte[] value : json.kafkaValues(metered.samples())) {
            bytes += value.length;
        }
        for (ResourceEvent event : metered.resourceEvents()) {
            bytes += json.bytes(json.kafkaValue(event)).length;
        }
        return bytes > 0 ? metered.samples().size() : 0;
    }
}
