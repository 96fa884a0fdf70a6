package io.meterflow.timeseries.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.measure.AggregateChanges.SplitChange;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Composing two changes of a split gives what applying them one after the other gives. */
class SplitChangeTest {

    private final Random random = new Random(7);

    @Test
    void aLaterChangeReplacesOnlyFromItsOwnFirstBucket() {
        SplitChange first = new SplitChange(10, series(10, 1, 20, 2, 30, 3), Long.MIN_VALUE);
        SplitChange second = new SplitChange(20, series(20, 9), Long.MIN_VALUE);

        TimeSeries stored = series(0, 5, 10, 6);

        assertThat(first.then(second).applyTo(stored)).isEqualTo(second.applyTo(first.applyTo(stored)));
        assertThat(first.then(second).applyTo(stored)).isEqualTo(series(0, 5, 10, 1, 20, 9));
    }

    @Test
    void anEarlierChangeSupersedesTheWholeFirstOne() {
        SplitChange first = new SplitChange(20, series(20, 1), Long.MIN_VALUE);
        SplitChange second = new SplitChange(10, series(10, 4), 5);

        TimeSeries stored = series(0, 5, 10, 6, 20, 7);

        assertThat(first.then(second).applyTo(stored)).isEqualTo(second.applyTo(first.applyTo(stored)));
    }

    @RepeatedTest(200)
    void composingEqualsApplyingInOrder() {
        TimeSeries stored = randomSeries(0, 100);
        SplitChange first = randomChange();
        SplitChange second = randomChange();

        assertThat(first.then(second).applyTo(stored)).isEqualTo(second.applyTo(first.applyTo(stored)));
    }

    private SplitChange randomChange() {
        long from = random.nextInt(100);
        long expired = random.nextBoolean() ? Long.MIN_VALUE : random.nextInt(100);
        TimeSeries replacement = randomSeries(from, 100).after(expired);
        return new SplitChange(from, replacement, expired);
    }

    private TimeSeries randomSeries(long from, long to) {
        TreeMap<Long, Double> points = new TreeMap<>();
        for (int i = 0; i < random.nextInt(12); i++) {
            points.put(from + (long) random.nextInt((int) Math.max(1, to - from)), (double) random.nextInt(50));
        }
        return new TimeSeries(
                points.keySet().stream().mapToLong(Long::longValue).toArray(),
                points.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static TimeSeries series(double... pairs) {
        long[] times = new long[pairs.length / 2];
        double[] values = new double[pairs.length / 2];
        for (int i = 0; i < times.length; i++) {
            times[i] = (long) pairs[2 * i];
            values[i] = pairs[2 * i + 1];
        }
        return new TimeSeries(times, values);
    }
}
