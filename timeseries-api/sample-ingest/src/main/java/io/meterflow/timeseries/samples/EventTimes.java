package io.meterflow.timeseries.samples;

import io.meterflow.timeseries.time.Timestamps;
import java.time.Instant;

/**
 * The times of samples and resource events, which the wire carries as Ceilometer's text, read
 * the way Gnocchi reads timestamps; one it would refuse makes the record malformed.
 */
final class EventTimes {

    private final Timestamps timestamps;

    EventTimes(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    /** Nanoseconds since the epoch; {@code field} names the time in the dead-letter reason. */
    long nanos(String field, String text) {
        try {
            return timestamps.parseOne(text);
        } catch (IllegalArgumentException unparseable) {
            throw new MalformedInputException(field + " \"" + text + "\": " + unparseable.getMessage());
        }
    }

    Instant instant(String field, String text) {
        long nanos = nanos(field, text);
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
