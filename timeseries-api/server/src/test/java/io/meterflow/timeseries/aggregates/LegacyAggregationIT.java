package io.meterflow.timeseries.aggregates;

import static io.meterflow.timeseries.GnocchiClient.assertSeries;
import static io.meterflow.timeseries.GnocchiClient.point;
import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The older GET/POST /v1/aggregation/metric?metric=..&metric=.. that gnocchiclient's
 * {@code measures aggregation} still calls: start/stop with offsets, resample, fill over every
 * granularity, needed_overlap, and its errors; figures from Gnocchi's aggregation.yaml
 * (policy 1 s + 300 s; m0 = {14:33:57 = 43.1, 14:34:12 = 12}, m1 = {.. = 3.1, .. = 2, 14:35:12 = 5}).
 */
@RealServices
class LegacyAggregationIT {

    private static final String T57 = "2015-03-06T14:33:57+00:00";
    private static final String T12 = "2015-03-06T14:34:12+00:00";

    private static ApiFixture api;
    private static GnocchiClient foobar;
    private static String both;
    private static String m0;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        foobar = api.user("foobar");
        api.admin()
                .createPolicy(Map.of(
                        "name",
                        "cookies",
                        "definition",
                        List.of(
                                Map.of("granularity", 1, "timespan", "1 hour"),
                                Map.of("granularity", 300, "timespan", "1 day"))));
        m0 = foobar.createMetric("cookies");
        String m1 = foobar.createMetric("cookies");
        foobar.addMeasures(m0, "2015-03-06T14:33:57", 43.1, "2015-03-06T14:34:12", 12);
        foobar.addMeasures(m1, "2015-03-06T14:33:57", 3.1, "2015-03-06T14:34:12", 2, "2015-03-06T14:35:12", 5);
        both = "/v1/aggregation/metric?metric=" + m0 + "&metric=" + m1;
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void getAndPostAnswerTheSame() {
        Reply get = foobar.get(both + "&granularity=1&refresh=true");
        Reply post = foobar.post(
                "/v1/aggregation/metric?granularity=1&refresh=true",
                List.of(m0, both.substring(both.lastIndexOf('=') + 1)));

        assertSeries(get.json(), point(T57, 1, 23.1), point(T12, 1, 7.0));
        assertThat(post.json()).isEqualTo(get.json());
    }

    @Test
    void startAndStopAcceptOffsets() {
        Reply reply = foobar.get(both + "&start=2015-03-06T15:33:57%2B01:00&stop=2015-03-06T15:34:00%2B01:00");

        assertSeries(reply.json(), point("2015-03-06T14:30:00+00:00", 300, 15.05), point(T57, 1, 23.1));
    }

    @Test
    void resampleAndAggregationChoice() {
        assertSeries(
                foobar.get(both + "&granularity=1&resample=60").json(),
                point("2015-03-06T14:33:00+00:00", 60, 23.1),
                point("2015-03-06T14:34:00+00:00", 60, 7.0));
        // The reaggregation defaults to the aggregation: max of the maxes here.
        assertSeries(
                foobar.get(both + "&granularity=1&aggregation=max").json(), point(T57, 1, 43.1), point(T12, 1, 12.0));
        assertSeries(
                foobar.get(both + "&granularity=1&aggregation=max&reaggregation=mean")
                        .json(),
                point(T57, 1, 23.1),
                point(T12, 1, 7.0));
        assertSeries(
                foobar.get(both + "&granularity=1&reaggregation=max").json(), point(T57, 1, 43.1), point(T12, 1, 12.0));
    }

    @Test
    void fillOverEveryGranularity() {
        assertSeries(
                foobar.get(both + "&fill=0").json(),
                point("2015-03-06T14:30:00+00:00", 300, 15.05),
                point("2015-03-06T14:35:00+00:00", 300, 2.5),
                point(T57, 1, 23.1),
                point(T12, 1, 7.0),
                point("2015-03-06T14:35:12+00:00", 1, 2.5));
    }

    @Test
    void neededOverlapRefusesTooSparseSeries() {
        Reply full = foobar.get(both + "&granularity=1&needed_overlap=100");
        Reply none = foobar.get(both + "&granularity=1&needed_overlap=0");

        assertSeries(full.json(), point(T57, 1, 23.1), point(T12, 1, 7.0));
        assertThat(none.status()).as("%s", none).isEqualTo(200);
    }

    @Test
    void badArgumentsAreRefused() {
        List<GnocchiClient.Point> before = foobar.measures(m0, "granularity=1");

        Reply granularity = foobar.get(both + "&granularity=foobar");
        Reply notUuid = foobar.get("/v1/aggregation/metric?metric=foobar");
        Reply method = foobar.get(both + "&aggregation=wtf");
        Reply missingGranularity = foobar.get("/v1/aggregation/metric?metric=" + m0 + "&granularity=42");
        Reply fill = foobar.get(both + "&granularity=1&fill=asdf");
        Reply resampleAlone = foobar.get(both + "&resample=60");
        Reply badResample = foobar.get(both + "&granularity=1&resample=abc");
        Reply start = foobar.get(both + "&start=notadate");
        Reply overlap = foobar.get(both + "&needed_overlap=notanumber");

        assertThat(granularity.status()).isEqualTo(400);
        assertThat(notUuid.status()).isEqualTo(400);
        assertThat(method.status()).isEqualTo(404);
        assertThat(method.description().asText())
                .isEqualTo("Aggregation method 'wtf' at granularity '1.0' for metric " + m0 + " does not exist");
        assertThat(missingGranularity.status()).isEqualTo(404);
        assertThat(missingGranularity.description().asText())
                .startsWith("Aggregation method 'mean' at granularity '42.0' for metric");
        assertThat(fill.status()).isEqualTo(400);
        assertThat(resampleAlone.status()).isEqualTo(400);
        assertThat(resampleAlone.body()).contains("A granularity must be specified to resample");
        assertThat(badResample.status()).isEqualTo(400);
        assertThat(start.status()).isEqualTo(400);
        assertThat(overlap.status()).isEqualTo(400);
        assertThat(foobar.measures(m0, "granularity=1")).isEqualTo(before);
    }
}
