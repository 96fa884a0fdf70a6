package io.meterflow.reports.portal.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class GranularitiesTest {

    @Test
    void drawsTheFinestGranularityThatStaysReadable() {
        List<Double> points = new ArrayList<>();
        points.addAll(Collections.nCopies(168, 3600.0)); // a week of hours
        points.addAll(Collections.nCopies(7, 86400.0));
        points.addAll(Collections.nCopies(10080, 60.0)); // a week of minutes: too many

        assertThat(Granularities.pick(points, 500)).contains(3600.0);
    }

    @Test
    void fallsBackToTheCoarsestWhenEveryGranularityHasTooManyPoints() {
        List<Double> points = new ArrayList<>(Collections.nCopies(900, 60.0));
        points.addAll(Collections.nCopies(600, 300.0));

        assertThat(Granularities.pick(points, 500)).contains(300.0);
        assertThat(Granularities.pick(List.of(), 500)).isEmpty();
    }
}
