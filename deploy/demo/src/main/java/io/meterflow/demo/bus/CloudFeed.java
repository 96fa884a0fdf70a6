package io.meterflow.demo.bus;

import io.meterflow.demo.scenario.CloudScenario;
import io.meterflow.demo.scenario.OsloMessage;
import io.meterflow.demo.state.DemoStateStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the simulated cloud's notifications up to a time, in windows of ten minutes, recording
 * after each confirmed window how far it got: a crash resends at most one window, whose message
 * ids the collector has seen (it drops the repeats), and a restart continues where it stopped.
 */
public final class CloudFeed {

    private static final Logger LOG = LoggerFactory.getLogger(CloudFeed.class);
    private static final Duration WINDOW = Duration.ofMinutes(10);
    /** After a longer stop the gap is left empty rather than flooding the bus with days of audits. */
    static final Duration MAX_CATCH_UP = Duration.ofDays(2);

    private final CloudScenario scenario;
    private final NotificationPublisher publisher;
    private final DemoStateStore store;
    private final Clock clock;

    public CloudFeed(CloudScenario scenario, NotificationPublisher publisher, DemoStateStore store, Clock clock) {
        this.scenario = scenario;
        this.publisher = publisher;
        this.store = store;
        this.clock = clock;
    }

    /** Sends everything with an event time before {@code until}; returns how many messages. */
    public synchronized int sendUntil(Instant until) throws IOException, InterruptedException {
        Instant from = store.current(clock).sentUntil();
        if (Duration.between(from, until).compareTo(MAX_CATCH_UP) > 0) {
            Instant resume = until.minus(WINDOW);
            LOG.warn(
                    "the demo was stopped since {}; its cloud resumes at {} without the notifications in between",
                    from,
                    resume);
            from = resume;
        }
        int sent = 0;
        while (from.isBefore(until)) {
            Instant to = from.plus(WINDOW).isBefore(until) ? from.plus(WINDOW) : until;
            List<OsloMessage> messages = scenario.between(from, to);
            publisher.publish(messages);
            sent += messages.size();
            Instant sentUntil = to;
            store.update(state -> state.withSentUntil(sentUntil));
            from = to;
        }
        return sent;
    }
}
