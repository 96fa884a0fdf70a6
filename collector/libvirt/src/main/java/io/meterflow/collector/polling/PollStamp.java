package io.meterflow.collector.polling;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * What every sample of one cycle shares: when it was polled and on which host. Ceilometer gives
 * all samples of one pollster run one timestamp; a cycle here gives all its samples one.
 *
 * @param polledAt the event time of the cycle's samples
 * @param host the compute host's name, as Ceilometer's {@code [DEFAULT] host}
 * @param cycleId the samples' {@code message_id}, so a cycle's samples can be found together
 * @param timestamp derived: {@code polledAt} in the wire's text form,
 *     {@code 2024-01-15T10:00:00.707221+00:00}; formatted once, as every sample needs it
 */
public record PollStamp(Instant polledAt, String host, String cycleId, String timestamp) {

    private static final DateTimeFormatter CEILOMETER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

    public PollStamp {
        Objects.requireNonNull(polledAt, "polledAt");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(cycleId, "cycleId");
        timestamp = CEILOMETER_TIME.format(polledAt);
    }

    public PollStamp(Instant polledAt, String host, String cycleId) {
        this(polledAt, host, cycleId, null);
    }
}
