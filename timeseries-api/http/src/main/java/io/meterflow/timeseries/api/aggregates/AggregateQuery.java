package io.meterflow.timeseries.api.aggregates;

import io.meterflow.timeseries.aggregates.Fill;
import io.meterflow.timeseries.failure.InvalidInputException;
import io.meterflow.timeseries.time.Timespans;
import io.meterflow.timeseries.time.Timestamps;
import java.util.List;

/** The query parameters of Gnocchi's aggregation endpoints, validated as its validate_qs does. */
public final class AggregateQuery {

    /** The validated window: bounds (ns), granularities (null: those all series share), fill. */
    public record Window(Long start, Long stop, List<Long> granularities, double neededOverlap, Fill fill) {

        /**
         * The part of this window within [from, to) (ns; null: unbounded), for a resource revision
         * that described the resource only then.
         */
        public Window within(Long from, Long to) {
            return new Window(later(start, from), earlier(stop, to), granularities, neededOverlap, fill);
        }

        // Written out: a conditional mixing Long and long unboxes the null it means to keep.
        private static Long later(Long a, Long b) {
            if (a == null) {
                return b;
            }
            return b == null ? a : Long.valueOf(Math.max(a, b));
        }

        private static Long earlier(Long a, Long b) {
            if (a == null) {
                return b;
            }
            return b == null ? a : Long.valueOf(Math.min(a, b));
        }

        /** Whether no timestamp fits: a revision that ended before the window began. */
        public boolean isEmpty() {
            return start != null && stop != null && stop <= start;
        }
    }

    private final Timestamps timestamps;

    public AggregateQuery(Timestamps timestamps) {
        this.timestamps = timestamps;
    }

    public Window window(String start, String stop, String granularity, String neededOverlap, String fill) {
        double overlap = 100.0;
        if (neededOverlap != null) {
            try {
                overlap = Double.parseDouble(neededOverlap.trim());
            } catch (NumberFormatException invalid) {
                throw InvalidInputException.argument("needed_overlap", "Must be a number");
            }
        }
        Long from = timestamp("start", start);
        Long to = timestamp("stop", stop);
        List<Long> granularities = null;
        if (granularity != null) {
            try {
                granularities = List.of(Timespans.parse(granularity, false));
            } catch (IllegalArgumentException invalid) {
                throw InvalidInputException.argument("granularity", invalid.getMessage());
            }
        }
        return new Window(from, to, granularities, overlap, Fill.parse(fill));
    }

    private Long timestamp(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return timestamps.parseOne(value);
        } catch (IllegalArgumentException invalid) {
            throw InvalidInputException.argument(name, "Must be a datetime or a timestamp");
        }
    }
}
