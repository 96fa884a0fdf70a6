package io.meterflow.timeseries.aggregation;

import java.util.function.LongUnaryOperator;

/** How a read regroups stored aggregates: by a fixed granularity or by calendar period. */
public sealed interface Resampling {

    /** The start of the new bucket holding {@code timestamp}. */
    LongUnaryOperator bucketStart();

    /** What answers show in place of the granularity: seconds, or Gnocchi's period letter. */
    Object label();

    /** Parses Gnocchi's {@code resample} parameter: a period letter or else a timespan (ns). */
    static Resampling parse(String value, java.util.function.ToLongFunction<String> timespan) {
        CalendarPeriod period = CalendarPeriod.fromCode(value);
        return period != null ? new Calendar(period) : new Fixed(timespan.applyAsLong(value));
    }

    record Fixed(long granularity) implements Resampling {
        public LongUnaryOperator bucketStart() {
            return timestamp -> Buckets.floor(timestamp, granularity);
        }

        public Object label() {
            return granularity / 1e9;
        }
    }

    record Calendar(CalendarPeriod period) implements Resampling {
        public LongUnaryOperator bucketStart() {
            return period::floor;
        }

        public Object label() {
            return period.code();
        }
    }
}
