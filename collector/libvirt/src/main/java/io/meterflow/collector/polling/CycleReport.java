package io.meterflow.collector.polling;

import io.meterflow.wire.Sample;
import java.time.Duration;
import java.util.List;

/**
 * What one cycle produced and what it had to leave out.
 *
 * @param polled resources whose samples are in {@code samples}
 * @param skipped resources not to be polled (shut off, not Nova's)
 * @param gone resources that disappeared between listing and reading
 * @param failed resources whose reading failed otherwise; logged with the reason
 * @param duration how long the cycle took, by the cycle's clock
 */
public record CycleReport(
        PollStamp stamp, List<Sample> samples, int polled, int skipped, int gone, int failed, Duration duration) {

    public CycleReport {
        samples = List.copyOf(samples);
    }
}
