package io.meterflow.collector.ingest;

import io.dropwizard.lifecycle.Managed;
import io.meterflow.wire.ResourceEvent;
import io.meterflow.wire.ResourceEventCodec;
import io.meterflow.wire.SampleCodec;
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
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the consumer attaches, runs the processing path (envelope, meter definitions, sample and
 * resource-event JSON) over bundled notifications, one of every kind Ceilometer meters, and throws
 * the results away, until the JIT compiler has caught up with it (less than a tenth of the last
 * half second spent compiling) or the budget is spent. In a cold drain the JIT compiler was the
 * largest single user of the collector's CPU (more than the consumers); a collector restarted in
 * front of a backlog ran at half its warm rate while it compiled, and a fixed 3 s warm-up on a busy
 * machine ended with the compiler still a second behind. It uses a processor of its own, so the
 * live one's dedup ledger and Nova twin memory never see these messages; nothing is published or
 * acknowledged.
 */
public final class ProcessingWarmUp implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessingWarmUp.class);
    /** Recorded by ../shared/ceilometer/notify.py, one wire body per line. */
    private static final String NOTIFICATIONS = "warm-up-notifications.jsonl";

    private static final long WINDOW_MS = 500;
    private static final long MIN_MS = 1000;

    private final NotificationProcessor processor;
    private final SampleCodec samples;
    private final ResourceEventCodec events;
    private final List<byte[]> bodies;
    private final Duration budget;
    private final LongSupplier compilationMillis;
    private final Clock clock;

    /**
     * @param processor a processor of its own, not the live consumer's
     * @param budget the longest it may take
     * @param compilationMillis the JIT compiler's accumulated time so far (the JVM's CompilationMXBean)
     */
    public ProcessingWarmUp(
            NotificationProcessor processor,
            SampleCodec samples,
            ResourceEventCodec events,
            List<byte[]> bodies,
            Duration budget,
            LongSupplier compilationMillis,
            Clock clock) {
        this.processor = processor;
        this.samples = samples;
        this.events = events;
        this.bodies = List.copyOf(bodies);
        this.budget = budget;
        this.compilationMillis = compilationMillis;
        this.clock = clock;
        if (bodies.isEmpty() && !budget.isZero()) {
            throw new IllegalArgumentException("a warm-up needs notifications");
        }
    }

    /** The notifications shipped in the jar. */
    public static List<byte[]> bundledNotifications() {
        try (InputStream in = Objects.requireNonNull(
                        ProcessingWarmUp.class.getResourceAsStream(NOTIFICATIONS), NOTIFICATIONS);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return lines.lines()
                    .filter(line -> !line.isBlank())
                    .map(line -> line.getBytes(StandardCharsets.UTF_8))
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
        long windowStart = started;
        long windowCompilation = compilationMillis.getAsLong();
        long notifications = 0;
        long samples = 0;
        boolean caughtUp = false;
        while (!caughtUp && clock.millis() < deadline) {
            for (byte[] body : bodies) {
                samples += run(body);
            }
            notifications += bodies.size();
            long now = clock.millis();
            if (now - windowStart >= WINDOW_MS) {
                long compilation = compilationMillis.getAsLong();
                caughtUp = now - started >= MIN_MS && (compilation - windowCompilation) * 10 < now - windowStart;
                windowStart = now;
                windowCompilation = compilation;
            }
        }
        LOG.info(
                "Warm-up: {} notifications, {} samples in {} ms, {}",
                notifications,
                samples,
                clock.millis() - started,
                caughtUp ? "the JIT compiler has caught up" : "budget spent");
    }

    /** The size of what would be published, so the work cannot be optimised away. */
    private long run(byte[] body) {
        if (!(processor.process(body) instanceof Outcome.Metered metered)) {
            return 0;
        }
        long bytes = 0;
        for (byte[] value : samples.encode(metered.samples())) {
            bytes += value.length;
        }
        for (ResourceEvent event : metered.resourceEvents()) {
            bytes += events.encode(event).length;
        }
        return bytes > 0 ? metered.samples().size() : 0;
    }
}
