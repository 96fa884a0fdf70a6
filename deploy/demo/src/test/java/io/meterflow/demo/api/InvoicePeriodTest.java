package io.meterflow.demo.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InvoicePeriodTest {

    @Test
    void runsFromTheFirstOfTheMonthToTheLastRatedMidnight() {
        InvoicePeriod period = InvoicePeriod.monthToDate(
                Instant.parse("2026-12-07T07:00:00Z"), Instant.parse("2026-12-06T18:00:00Z"), ZoneOffset.UTC);
        assertThat(period).isEqualTo(new InvoicePeriod(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-07")));
    }

    @Test
    void onTheFirstOfTheMonthStartsAtTheHistorysFirstDay() {
        InvoicePeriod period = InvoicePeriod.monthToDate(
                Instant.parse("2027-01-01T05:00:00Z"), Instant.parse("2026-12-31T18:00:00Z"), ZoneOffset.UTC);
        assertThat(period).isEqualTo(new InvoicePeriod(LocalDate.parse("2026-12-31"), LocalDate.parse("2027-01-01")));
    }
}
