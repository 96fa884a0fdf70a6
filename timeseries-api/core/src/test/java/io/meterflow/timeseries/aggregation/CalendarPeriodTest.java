package io.meterflow.timeseries.aggregation;

import static io.meterflow.timeseries.aggregation.BucketAggregatorTest.nanos;
import static io.meterflow.timeseries.aggregation.BucketAggregatorTest.series;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gnocchi's calendar resampling periods: UTC calendar boundaries, weeks starting on Sunday. */
class CalendarPeriodTest {

    @ParameterizedTest(name = "{0} in period {1} starts at {2}")
    @CsvSource({
        "2015-03-06T14:33:57Z, Y, 2015-01-01T00:00:00Z",
        "2015-03-06T14:33:57Z, H, 2015-01-01T00:00:00Z",
        "2015-08-19T00:00:00Z, H, 2015-07-01T00:00:00Z",
        "2015-03-06T14:33:57Z, Q, 2015-01-01T00:00:00Z",
        "2015-08-19T10:00:00Z, Q, 2015-07-01T00:00:00Z",
        "2015-12-31T23:59:59Z, Q, 2015-10-01T00:00:00Z",
        "2015-03-06T14:33:57Z, M, 2015-03-01T00:00:00Z",
        "2015-03-06T14:33:57Z, W, 2015-03-01T00:00:00Z", // Friday -> the Sunday before
        "2015-03-01T00:00:00Z, W, 2015-03-01T00:00:00Z", // a Sunday starts its own week
        "2015-03-07T23:59:59Z, W, 2015-03-01T00:00:00Z", // Saturday ends it
        "1970-01-01T12:00:00Z, W, 1969-12-28T00:00:00Z"
    })
    void periodsStartOnUtcCalendarBoundaries(String instant, String code, String start) {
        assertThat(CalendarPeriod.fromCode(code).floor(nanos(instant))).isEqualTo(nanos(start));
    }

    @Test
    void onlyGnocchisLettersArePeriods() {
        assertThat(CalendarPeriod.fromCode("W")).isEqualTo(CalendarPeriod.WEEK);
        assertThat(CalendarPeriod.fromCode("D")).isNull();
        assertThat(CalendarPeriod.fromCode("w")).isNull();
        assertThat(CalendarPeriod.fromCode("60")).isNull();
    }

    @Test
    void resamplingByMonthGroupsUnequalPeriods() {
        TimeSeries daily = series(
                "2015-01-31T00:00:00Z",
                1,
                "2015-02-01T00:00:00Z",
                2,
                "2015-02-28T00:00:00Z",
                4,
                "2015-03-01T00:00:00Z",
                8);

        assertThat(BucketAggregator.reduce(daily, CalendarPeriod.MONTH, Reducer.parse("sum")))
                .isEqualTo(series("2015-01-01T00:00:00Z", 1, "2015-02-01T00:00:00Z", 6, "2015-03-01T00:00:00Z", 8));
    }

    @Test
    void resamplingARateDerivesTheAggregatesAgainAsGnocchiDoes() {
        TimeSeries rates = series("2014-10-06T14:33:00Z", 10, "2014-10-06T14:36:00Z", 35);

        assertThat(BucketAggregator.resample(
                        rates,
                        timestamp -> Buckets.floor(timestamp, 3_600_000_000_000L),
                        AggregationMethod.parse("rate:sum")))
                .isEqualTo(series("2014-10-06T14:00:00Z", 25));
        assertThat(BucketAggregator.resample(
                        rates,
                        timestamp -> Buckets.floor(timestamp, 3_600_000_000_000L),
                        AggregationMethod.parse("sum")))
                .isEqualTo(series("2014-10-06T14:00:00Z", 45));
    }
}
