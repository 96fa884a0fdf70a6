package io.meterflow.timeseries.aggregator;

import io.meterflow.timeseries.aggregation.Measure;
import io.meterflow.wire.MeasureRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One metric's measures gathered since the last commit, and which record brought which: a
 * metric that turns out unknown at commit is dead-lettered record by record, each under its own
 * source offset, so that a replay's copies match the first ones.
 */
final class PendingMeasures {

    private final List<Measure> measures = new ArrayList<>();
    private long[] offsets = new long[2];
    private int[] ends = new int[2];
    private int records;

    void add(long offset, MeasureRecord record) {
        if (records == offsets.length) {
            offsets = Arrays.copyOf(offsets, records * 2);
            ends = Arrays.copyOf(ends, records * 2);
        }
        for (int i = 0; i < record.size(); i++) {
            measures.add(new Measure(record.timestamp(i), record.value(i)));
        }
        offsets[records] = offset;
        ends[records] = measures.size();
        records++;
    }

    List<Measure> measures() {
        return measures;
    }

    int records() {
        return records;
    }

    long offset(int record) {
        return offsets[record];
    }

    /** The measures the record brought, in order. */
    List<Measure> of(int record) {
        return measures.subList(record == 0 ? 0 : ends[record - 1], ends[record]);
    }
}
