package io.meterflow.gnocchiclient.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MeasureQueryTest {

    @Test
    void writesGnocchisParameters() {
        MeasureQuery query = MeasureQuery.all()
                .from(Instant.parse("2026-01-01T00:00:00Z"))
                .until(Instant.parse("2026-02-01T00:00:00Z"))
                .granularity(Duration.ofMinutes(1))
                .aggregation("sum")
                .resample(Duration.ofHours(1))
                .refreshed();

        assertThat(query.toQueryString())
                .hasToString("?start=2026-01-01T00%3A00%3A00Z&stop=2026-02-01T00%3A00%3A00Z"
                        + "&granularity=60&aggregation=sum&resample=3600&refresh=true");
        assertThat(MeasureQuery.all().toQueryString()).hasToString("");
    }

    @Test
    void refusesWhatGnocchiWouldRefuse() {
        assertThatThrownBy(() -> MeasureQuery.all().resample(Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("granularity");
        assertThatThrownBy(() -> MeasureQuery.all()
                        .from(Instant.parse("2026-02-01T00:00:00Z"))
                        .until(Instant.parse("2026-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
