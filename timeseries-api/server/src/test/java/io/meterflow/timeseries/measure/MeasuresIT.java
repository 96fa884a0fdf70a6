package io.meterflow.timeseries.measure;

import static io.meterflow.timeseries.GnocchiClient.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Point;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Adding measures to a metric and reading its aggregates back, with every query parameter, against
 * values computed by hand. Most tests read Gnocchi's classic example: policy medium, measures
 * 14:33:57 = 43.1, 14:34:12 = 12, 14:34:20 = 2.
 */
@RealServices
class MeasuresIT {

    private static final String HOUR_14 = "2014-10-06T14:00:00+00:00";
    private static final String MINUTE_33 = "2014-10-06T14:33:00+00:00";
    private static final String MINUTE_34 = "2014-10-06T14:34:00+00:00";

    private static ApiFixture api;
    private static GnocchiClient client;
    private static String classic;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        client = api.user("foobar");
        classic = client.createMetric("medium");
        client.addMeasures(classic, "2014-10-06T14:33:57", 43.1, "2014-10-06T14:34:12", 12, "2014-10-06T14:34:20", 2);
        api.admin().createPolicy(Map.of("name", "one-second", "definition", List.of(Map.of("granularity", 1))));
        api.admin()
                .createPolicy(Map.of(
                        "name",
                        "minute-rate",
                        "aggregation_methods",
                        List.of("rate:sum", "sum"),
                        "definition",
                        List.of(Map.of("granularity", 60, "timespan", "1 day"))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void readsEveryGranularityCoarsestFirstThenByTime() {
        assertThat(client.measures(classic, ""))
                .containsExactly(
                        point(HOUR_14, 3600.0, 19.033333333333335),
                        point(MINUTE_33, 60.0, 43.1),
                        point(MINUTE_34, 60.0, 7.0));
    }

    @Test
    void addingMeasuresAnswersAcceptedWithAnEmptyBody() {
        String metric = client.createMetric("low");

        Reply reply =
                client.post("/v1/metric/" + metric + "/measures", GnocchiClient.measures("2014-10-06T14:33:57", 1));

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("Content-Length")).isEqualTo("0");
    }

    @Test
    void metricWithoutMeasuresReadsEmpty() {
        assertThat(client.measures(client.createMetric("medium"), "")).isEmpty();
    }

    @ParameterizedTest(name = "aggregation={0}")
    @CsvSource({
        // method, 1 h bucket 14:00, 1 min bucket 14:33, 1 min bucket 14:34
        "mean,  19.033333333333335, 43.1, 7.0",
        "max,   43.1, 43.1, 12",
        "min,   2,    43.1, 2",
        "sum,   57.1, 43.1, 14",
        "count, 3,    1,    2"
    })
    void readsEachMethodOfThePolicy(String method, double hour, double minute33, double minute34) {
        assertThat(client.measures(classic, "aggregation=" + method))
                .containsExactly(
                        point(HOUR_14, 3600.0, hour),
                        point(MINUTE_33, 60.0, minute33),
                        point(MINUTE_34, 60.0, minute34));
    }

    @Test
    void standardDeviationSkipsBucketsOfOneMeasure() {
        List<Point> std = client.measures(classic, "aggregation=std");

        assertThat(std).extracting(Point::timestamp).containsExactly(HOUR_14, MINUTE_34);
        assertThat(std.get(0).value()).isCloseTo(21.4336962125839, within(1e-12));
        assertThat(std.get(1).value()).isCloseTo(Math.sqrt(50), within(1e-12)); // sample std of 12 and 2
    }

    @ParameterizedTest(name = "granularity={0}")
    @CsvSource({"60", "60.0", "1 minute", "0:01:00"})
    void readsOneGranularity(String granularity) {
        assertThat(client.measures(classic, "granularity=" + granularity.replace(" ", "%20")))
                .containsExactly(point(MINUTE_33, 60.0, 43.1), point(MINUTE_34, 60.0, 7.0));
    }

    @Test
    void granularityOutsideThePolicyIsNotFound() {
        Reply reply = client.get("/v1/metric/" + classic + "/measures?granularity=5");
        Reply garbage = client.get("/v1/metric/" + classic + "/measures?granularity=garbage");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.description().asText())
                .isEqualTo("Aggregation method 'mean' at granularity '5.0' for metric " + classic + " does not exist");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.description().get("cause").asText()).isEqualTo("Argument value error");
        assertThat(garbage.description().get("detail").asText()).isEqualTo("granularity");
        assertThat(garbage.description().get("reason").asText()).isEqualTo("Unable to parse timespan");
    }

    @ParameterizedTest(name = "aggregation={0}")
    @CsvSource({"last", "foo", "rate:mean"})
    void methodOutsideThePolicyIsNotFound(String method) {
        Reply reply = client.get("/v1/metric/" + classic + "/measures?aggregation=" + method);

        assertThat(reply.status()).isEqualTo(404);
        JsonNode description = reply.description();
        assertThat(description.get("cause").asText()).isEqualTo("Aggregation method does not exist for this metric");
        assertThat(description.get("detail").get("metric").asText()).isEqualTo(classic);
        assertThat(description.get("detail").get("aggregation_method").asText()).isEqualTo(method);
    }

    @Test
    void startIsFlooredToTheGranularityAndInclusive() {
        assertThat(client.measures(classic, "start=2014-10-06T14:34:00"))
                .containsExactly(point(HOUR_14, 3600.0, 19.033333333333335), point(MINUTE_34, 60.0, 7.0));
        assertThat(client.measures(classic, "granularity=60&start=2014-10-06T14:33:26.5"))
                .containsExactly(point(MINUTE_33, 60.0, 43.1), point(MINUTE_34, 60.0, 7.0));
        assertThat(client.measures(classic, "granularity=60&start=1412606040"))
                .containsExactly(point(MINUTE_34, 60.0, 7.0));
    }

    @Test
    void stopIsExclusive() {
        assertThat(client.measures(classic, "stop=2014-10-06T14:34:00"))
                .containsExactly(point(HOUR_14, 3600.0, 19.033333333333335), point(MINUTE_33, 60.0, 43.1));
        assertThat(client.measures(
                        classic, "granularity=60&start=2014-10-06T14:33:00&stop=2014-10-06T14:34:00%2B00:00"))
                .containsExactly(point(MINUTE_33, 60.0, 43.1));
    }

    @Test
    void startAfterStopReadsNothing() {
        assertThat(client.measures(classic, "start=2014-10-06T15:00:00&stop=2014-10-06T14:00:00"))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}=garbage")
    @CsvSource({"start", "stop"})
    void unparsableStartOrStopIsRejected(String parameter) {
        Reply reply = client.get("/v1/metric/" + classic + "/measures?" + parameter + "=garbage");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.description().get("cause").asText()).isEqualTo("Argument value error");
        assertThat(reply.description().get("detail").asText()).isEqualTo(parameter);
        assertThat(reply.description().get("reason").asText()).isEqualTo("Must be a datetime or a timestamp");
    }

    @Test
    void resampleFoldsTheStoredAggregatesWithTheSameMethod() {
        assertThat(client.measures(classic, "granularity=60&resample=3600"))
                .containsExactly(point(HOUR_14, 3600.0, 25.05)); // mean of the means 43.1 and 7.0
        assertThat(client.measures(classic, "granularity=60&resample=3600&aggregation=max"))
                .containsExactly(point(HOUR_14, 3600.0, 43.1));
        assertThat(client.measures(classic, "granularity=60&resample=3600&aggregation=count"))
                .containsExactly(point(HOUR_14, 3600.0, 2.0)); // count of the two minute points, as Gnocchi
    }

    @Test
    void resampleRegroupsSecondsIntoMinutes() {
        String metric = client.createMetric("one-second");
        client.addMeasures(
                metric,
                "2015-03-06T14:33:57",
                43.1,
                "2015-03-06T14:34:12",
                12,
                "2015-03-06T14:34:15",
                16,
                "2015-03-06T14:35:12",
                9,
                "2015-03-06T14:35:15",
                11);

        assertThat(client.measures(metric, "resample=60&granularity=1"))
                .containsExactly(
                        point("2015-03-06T14:33:00+00:00", 60.0, 43.1),
                        point("2015-03-06T14:34:00+00:00", 60.0, 14.0),
                        point("2015-03-06T14:35:00+00:00", 60.0, 10.0));
    }

    @Test
    void resampleByCalendarWeekStartsOnSundayAndIsLabelledW() {
        String metric = client.createMetric("one-second");
        client.addMeasures(metric, "2015-03-06T14:33:57", 43.1, "2015-03-06T14:34:12", 12);

        Reply reply = client.get("/v1/metric/" + metric + "/measures?resample=W&granularity=1");

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("[[\"2015-03-01T00:00:00+00:00\", \"W\", 27.55]]");
    }

    @Test
    void resamplingARateDerivesItAgainAsGnocchiDoes() {
        String metric = client.createMetric("minute-rate");
        client.addMeasures(
                metric,
                "2014-10-06T14:33:00",
                10,
                "2014-10-06T14:33:30",
                20,
                "2014-10-06T14:36:10",
                50,
                "2014-10-06T14:36:20",
                55);

        // Stored rate:sum is 14:33 = 10, 14:36 = 35; resampled, Gnocchi differences those again: 25.
        assertThat(client.measures(metric, "aggregation=rate:sum&granularity=60&resample=3600"))
                .containsExactly(point(HOUR_14, 3600.0, 25.0));
    }

    @Test
    void invalidResampleIsRejected() {
        Reply withoutGranularity = client.get("/v1/metric/" + classic + "/measures?resample=3600");
        Reply garbage = client.get("/v1/metric/" + classic + "/measures?granularity=60&resample=garbage");

        assertThat(withoutGranularity.status()).isEqualTo(400);
        assertThat(withoutGranularity.description().asText()).isEqualTo("A granularity must be specified to resample");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.description().asText()).isEqualTo("Unable to parse timespan");
    }

    @Test
    void refreshIsABooleanAndChangesNothing() {
        List<Point> plain = client.measures(classic, "");

        assertThat(client.measures(classic, "refresh=true")).isEqualTo(plain);
        assertThat(client.measures(classic, "refresh=0")).isEqualTo(plain);
        Reply invalid = client.get("/v1/metric/" + classic + "/measures?refresh=maybe");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.description().asText()).isEqualTo("Unable to parse `refresh': invalid truth value 'maybe'");
    }

    @Test
    void rateDiffersConsecutiveMeasuresInOneRequest() {
        String metric = client.createMetric("minute-rate");
        client.addMeasures(
                metric,
                "2014-10-06T14:33:00",
                10,
                "2014-10-06T14:33:30",
                20,
                "2014-10-06T14:36:10",
                50,
                "2014-10-06T14:36:20",
                55);

        assertThat(client.measures(metric, "aggregation=rate:sum"))
                .containsExactly(point(MINUTE_33, 60.0, 10.0), point("2014-10-06T14:36:00+00:00", 60.0, 35.0));
    }

    @Test
    void rateAcrossRequestsLooksBackOneBucketOnlyAsGnocchiDoes() {
        String metric = client.createMetric("minute-rate");
        client.addMeasures(metric, "2014-10-06T14:33:00", 10, "2014-10-06T14:33:30", 20);
        client.addMeasures(metric, "2014-10-06T14:36:10", 50, "2014-10-06T14:36:20", 55);

        assertThat(client.measures(metric, "aggregation=rate:sum"))
                .containsExactly(point(MINUTE_33, 60.0, 10.0), point("2014-10-06T14:36:00+00:00", 60.0, 5.0));
    }
}
