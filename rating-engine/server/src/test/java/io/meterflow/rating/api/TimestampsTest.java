package io.meterflow.rating.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Times read in CloudKitty's forms and written as Python's isoformat() writes them. */
class TimestampsTest {

    @Test
    void readsExtendedBasicAndNaiveForms() {
        Instant expected = Instant.parse("2019-07-23T12:28:10Z");
        assertThat(Timestamps.parse("2019-07-23T12:28:10")).contains(expected);
        assertThat(Timestamps.parse("2019-07-23T12:28:10+00:00")).contains(expected);
        assertThat(Timestamps.parse("2019-07-23T14:28:10+02:00")).contains(expected);
        assertThat(Timestamps.parse("20190723T122810Z")).contains(expected);
        assertThat(Timestamps.parse("2019-07-23")).contains(Instant.parse("2019-07-23T00:00:00Z"));
        assertThat(Timestamps.parse("20190723TZ")).isEmpty();
    }

    @Test
    void writesAsPythonIsoformat() {
        assertThat(Timestamps.isoUtc(Instant.parse("2015-01-04T13:00:00Z"))).isEqualTo("2015-01-04T13:00:00+00:00");
        assertThat(Timestamps.naive(Instant.parse("2026-12-06T23:14:42.126010Z")))
                .isEqualTo("2026-12-06T23:14:42.126010");
        assertThat(Timestamps.naive(Instant.parse("2026-12-06T23:14:42.126010900Z")))
                .isEqualTo("2026-12-06T23:14:42.126010");
    }
}
