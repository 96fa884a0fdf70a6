package io.meterflow.gnocchiclient.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.gnocchiclient.error.GnocchiResponseException;
import io.meterflow.gnocchiclient.internal.GnocchiJson;
import io.meterflow.gnocchiclient.internal.GnocchiTimestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasuresJsonTest {

    private final ObjectMapper json = GnocchiJson.newMapper();

    @Test
    void readsGnocchisSeriesForm() throws Exception {
        // GET /v1/metric/<id>/measures, from Gnocchi's REST API documentation.
        List<Measure> points = MeasuresJson.points(json.readTree("""
                [["2017-01-01T12:00:00+00:00", 3600.0, 10.0],
                 ["2017-01-01T12:12:00+00:00", 60.0, 22.5],
                 ["2017-01-01T12:12:01.123456+00:00", 0.5, 3]]"""));

        assertThat(points)
                .containsExactly(
                        new Measure(Instant.parse("2017-01-01T12:00:00Z"), 3600.0, 10.0),
                        new Measure(Instant.parse("2017-01-01T12:12:00Z"), 60.0, 22.5),
                        new Measure(Instant.parse("2017-01-01T12:12:01.123456Z"), 0.5, 3.0));
        assertThat(points.get(0).granularity()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void acceptsPythonsNanAndInfinityLiterals() throws Exception {
        List<Measure> points = MeasuresJson.points(json.readTree("""
                [["2015-03-06T14:33:57+00:00", 1.0, NaN], ["2015-03-06T14:34:12+00:00", 1.0, Infinity]]"""));

        assertThat(points.get(0).value()).isNaN();
        assertThat(points.get(1).value()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void refusesWhatIsNotASeries() throws Exception {
        assertThatThrownBy(() -> MeasuresJson.points(json.readTree("{\"measures\": []}")))
                .isInstanceOf(GnocchiResponseException.class);
        assertThatThrownBy(() -> MeasuresJson.points(json.readTree("[[\"2015-03-06T14:33:57+00:00\", 1.0]]")))
                .isInstanceOf(GnocchiResponseException.class);
    }

    @Test
    void durationsAreWrittenAsPlainSeconds() {
        assertThat(GnocchiTimestamps.seconds(Duration.ofMinutes(5))).isEqualTo("300");
        assertThat(GnocchiTimestamps.seconds(Duration.ofMillis(500))).isEqualTo("0.5");
    }
}
