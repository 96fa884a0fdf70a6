package io.meterflow.timeseries.aggregates;

import static io.meterflow.timeseries.GnocchiClient.assertSeries;
import static io.meterflow.timeseries.GnocchiClient.point;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
 * The operations language of POST /v1/aggregates over metric ids, with the figures of Gnocchi's
 * aggregates-with-metric-ids.yaml (policy 1 s + 60 s; m1 and m2 share five timestamps, m4 is two
 * years later, m3 has another policy) and resample-calendar.yaml (a daily metric resampled by
 * calendar periods).
 */
@RealServices
class OperationsIT {

    private static final String T57 = "2015-03-06T14:33:57+00:00";
    private static final String T12 = "2015-03-06T14:34:12+00:00";
    private static final String T15 = "2015-03-06T14:34:15+00:00";
    private static final String T3512 = "2015-03-06T14:35:12+00:00";
    private static final String T3515 = "2015-03-06T14:35:15+00:00";
    private static final String M33 = "2015-03-06T14:33:00+00:00";
    private static final String M34 = "2015-03-06T14:34:00+00:00";
    private static final String M35 = "2015-03-06T14:35:00+00:00";

    private static ApiFixture api;
    private static GnocchiClient foobar;
    private static String m1;
    private static String m2;
    private static String m3;
    private static String m4;
    private static String daily;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        foobar = api.user("foobar");
        GnocchiClient admin = api.admin();
        admin.createPolicy(Map.of(
                "name",
                "cookies",
                "definition",
                List.of(Map.of("granularity", "1 second"), Map.of("granularity", "60 second"))));
        admin.createPolicy(Map.of("name", "cake", "definition", List.of(Map.of("granularity", "5 second"))));
        admin.createPolicy(Map.of("name", "daily", "definition", List.of(Map.of("granularity", "1 day"))));
        m1 = foobar.createMetric("cookies");
        m2 = foobar.createMetric("cookies");
        m3 = foobar.createMetric("cake");
        m4 = foobar.createMetric("cookies");
        daily = foobar.createMetric("daily");
        foobar.addMeasures(
                m1,
                "2015-03-06T14:33:57",
                43.1,
                "2015-03-06T14:34:12",
                12,
                "2015-03-06T14:34:15",
                -16,
                "2015-03-06T14:35:12",
                9,
                "2015-03-06T14:35:15",
                11);
        foobar.addMeasures(
                m2,
                "2015-03-06T14:33:57",
                2,
                "2015-03-06T14:34:12",
                4,
                "2015-03-06T14:34:15",
                5,
                "2015-03-06T14:35:12",
                10,
                "2015-03-06T14:35:15",
                15);
        foobar.addMeasures(m4, "2017-04-06T14:33:57", 20, "2017-04-06T14:34:12", 10);
        foobar.addMeasures(
                daily,
                "2015-03-01T14:34:12",
                10,
                "2015-03-06T14:34:12",
                12,
                "2015-04-01T14:34:12",
                2,
                "2015-04-06T14:34:12",
                4,
                "2015-10-06T14:34:12",
                7,
                "2016-01-06T14:34:12",
                12,
                "2016-02-06T14:34:12",
                4);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aggregateMeanOverEveryGranularity() {
        JsonNode measures = operations("", "(aggregate mean (metric (" + m1 + " mean) (" + m2 + " mean)))");

        assertSeries(
                measures.get("aggregated"),
                point(M33, 60, 22.55),
                point(M34, 60, 1.25),
                point(M35, 60, 11.25),
                point(T57, 1, 22.55),
                point(T12, 1, 8.0),
                point(T15, 1, -5.5),
                point(T3512, 1, 9.5),
                point(T3515, 1, 13.0));
    }

    @Test
    void arithmeticOnSeriesAndConstants() {
        JsonNode plus = operations("?details=true", "(+ (metric (" + m1 + " mean) (" + m2 + " mean)) 2.0)");
        JsonNode minus = operations("?granularity=1", "(- (metric " + m1 + " mean) (metric " + m2 + " mean))");
        JsonNode negAbs = operations(
                "?granularity=60",
                "(negative (absolute (aggregate mean (metric (" + m1 + " mean) (" + m2 + " mean)))))");

        assertSeries(
                plus.get(m1).get("mean"),
                point(M33, 60, 45.1),
                point(M34, 60, 0.0),
                point(M35, 60, 12.0),
                point(T57, 1, 45.1),
                point(T12, 1, 14.0),
                point(T15, 1, -14.0),
                point(T3512, 1, 11.0),
                point(T3515, 1, 13.0));
        assertSeries(
                minus.get("aggregated"),
                point(T57, 1, 41.1),
                point(T12, 1, 8.0),
                point(T15, 1, -21.0),
                point(T3512, 1, -1.0),
                point(T3515, 1, -4.0));
        assertSeries(negAbs.get("aggregated"), point(M33, 60, -22.55), point(M34, 60, -1.25), point(M35, 60, -11.25));
    }

    @Test
    void ratesClipsAndElementwiseFunctions() {
        String one = "(metric " + m1 + " mean)";
        // m1 at 1 s: 43.1, 12, -16, 9, 11.
        JsonNode rate = operations("", "(aggregate rate:mean (metric (" + m1 + " mean) (" + m2 + " mean)))");
        JsonNode change = operations("", "(rateofchange " + one + ")");
        JsonNode clipMin = operations("?granularity=1", "(clip_min " + one + " 10)");
        JsonNode clipMax = operations("?granularity=1", "(clip_max " + one + " 10)");
        JsonNode clip = operations("?granularity=1", "(clip " + one + " 0 20)");
        JsonNode floor = operations("?granularity=1", "(floor " + one + ")");
        JsonNode power = operations("?granularity=1", "(** " + one + " 2)");
        JsonNode cos = operations("?granularity=1", "(cos (* 0 " + one + "))");

        assertSeries(
                rate.get("aggregated"),
                point(M34, 60, -21.30),
                point(M35, 60, 10.0),
                point(T12, 1, -14.55),
                point(T15, 1, -13.5),
                point(T3512, 1, 15.0),
                point(T3515, 1, 3.5));
        assertSeries(
                change.get(m1).get("mean"),
                point(M34, 60, -45.1),
                point(M35, 60, 12.0),
                point(T12, 1, -31.1),
                point(T15, 1, -28.0),
                point(T3512, 1, 25.0),
                point(T3515, 1, 2.0));
        assertSeries(
                clipMin.get(m1).get("mean"),
                point(T57, 1, 43.1),
                point(T12, 1, 12.0),
                point(T15, 1, 10.0),
                point(T3512, 1, 10.0),
                point(T3515, 1, 11.0));
        assertSeries(
                clipMax.get(m1).get("mean"),
                point(T57, 1, 10.0),
                point(T12, 1, 10.0),
                point(T15, 1, -16.0),
                point(T3512, 1, 9.0),
                point(T3515, 1, 10.0));
        assertSeries(
                clip.get(m1).get("mean"),
                point(T57, 1, 20.0),
                point(T12, 1, 12.0),
                point(T15, 1, 0.0),
                point(T3512, 1, 9.0),
                point(T3515, 1, 11.0));
        assertSeries(
                floor.get(m1).get("mean"),
                point(T57, 1, 43.0),
                point(T12, 1, 12.0),
                point(T15, 1, -16.0),
                point(T3512, 1, 9.0),
                point(T3515, 1, 11.0));
        assertSeries(
                power.get(m1).get("mean"),
                point(T57, 1, 43.1 * 43.1),
                point(T12, 1, 144.0),
                point(T15, 1, 256.0),
                point(T3512, 1, 81.0),
                point(T3515, 1, 121.0));
        assertSeries(
                cos.get(m1).get("mean"),
                point(T57, 1, 1.0),
                point(T12, 1, 1.0),
                point(T15, 1, 1.0),
                point(T3512, 1, 1.0),
                point(T3515, 1, 1.0));
    }

    @Test
    void resampleAndRolling() {
        JsonNode resampled =
                operations("?granularity=1", "(resample mean 60 (metric (" + m1 + " mean) (" + m2 + " mean)))");
        JsonNode rolled = operations("?granularity=1", "(rolling mean 2 (metric (" + m1 + " mean) (" + m2 + " mean)))");
        Reply tooWide = foobar.post(
                "/v1/aggregates?granularity=1", Map.of("operations", "(rolling mean 9 (metric " + m1 + " mean))"));

        assertSeries(resampled.get(m1).get("mean"), point(M33, 60, 43.1), point(M34, 60, -2.0), point(M35, 60, 10.0));
        assertSeries(resampled.get(m2).get("mean"), point(M33, 60, 2.0), point(M34, 60, 4.5), point(M35, 60, 12.5));
        assertSeries(
                rolled.get(m1).get("mean"),
                point(T12, 1, 27.55),
                point(T15, 1, -2.0),
                point(T3512, 1, -3.5),
                point(T3515, 1, 10.0));
        assertSeries(
                rolled.get(m2).get("mean"),
                point(T12, 1, 3.0),
                point(T15, 1, 4.5),
                point(T3512, 1, 7.5),
                point(T3515, 1, 12.5));
        assertThat(tooWide.status()).as("%s", tooWide).isEqualTo(400);
        assertThat(tooWide.description().get("cause").asText()).isEqualTo("Metrics can't being aggregated");
        assertThat(tooWide.description().get("reason").asText())
                .isEqualTo("Rolling window '9' is greater than serie length '5'");
    }

    @Test
    void startStopAndGranularityNarrowTheSeries() {
        JsonNode narrowed = operations(
                "?start=2015-03-06T14:34:00&stop=2015-03-06T14:35:13&granularity=1", "(metric " + m1 + " mean)");

        assertSeries(narrowed.get(m1).get("mean"), point(T12, 1, 12.0), point(T15, 1, -16.0), point(T3512, 1, 9.0));
    }

    @Test
    void fillAndOverlapDecideWhatMissingPointsBecome() {
        String twoApart = "(metric (" + m1 + " mean) (" + m4 + " mean))";

        JsonNode dropna = operations("?granularity=60", twoApart);
        JsonNode nulls = operations("?granularity=60&fill=null", twoApart);
        JsonNode zero = operations("?granularity=60&fill=0", "(aggregate sum " + twoApart + ")");
        // Gnocchi 4.4.2 knows no fill=ffill (added upstream later): a float, dropna or null only.
        Reply ffill = aggregates("?granularity=60&fill=ffill", twoApart);
        Reply overlap = foobar.post(
                "/v1/aggregates?granularity=60&needed_overlap=100",
                Map.of("operations", "(aggregate mean " + twoApart + ")"));
        JsonNode noOverlapNeeded = operations("?granularity=60&needed_overlap=0", "(aggregate mean " + twoApart + ")");

        assertSeries(
                dropna.get(m4).get("mean"),
                point("2017-04-06T14:33:00+00:00", 60, 20.0),
                point("2017-04-06T14:34:00+00:00", 60, 10.0));
        assertSeries(
                nulls.get(m4).get("mean"),
                point(M33, 60, Double.NaN),
                point(M34, 60, Double.NaN),
                point(M35, 60, Double.NaN),
                point("2017-04-06T14:33:00+00:00", 60, 20.0),
                point("2017-04-06T14:34:00+00:00", 60, 10.0));
        assertSeries(
                zero.get("aggregated"),
                point(M33, 60, 43.1),
                point(M34, 60, -2.0),
                point(M35, 60, 10.0),
                point("2017-04-06T14:33:00+00:00", 60, 20.0),
                point("2017-04-06T14:34:00+00:00", 60, 10.0));
        assertArgumentError(ffill, "fill", "Must be a float, 'dropna' or 'null'");
        assertThat(overlap.status()).as("%s", overlap).isEqualTo(400);
        assertThat(overlap.description().get("cause").asText()).isEqualTo("Metrics can't being aggregated");
        assertThat(noOverlapNeeded.get("aggregated")).hasSize(5);
    }

    @Test
    void calendarResamplingOfMeasures() {
        String path = "/v1/metric/" + daily + "/measures?granularity=86400&resample=";

        assertThat(foobar.get(path + "Y").body())
                .isEqualTo("[[\"2015-01-01T00:00:00+00:00\", \"Y\", 7.0], "
                        + "[\"2016-01-01T00:00:00+00:00\", \"Y\", 8.0]]");
        assertThat(foobar.get(path + "H").json().toString())
                .isEqualTo("[[\"2015-01-01T00:00:00+00:00\",\"H\",7.0],"
                        + "[\"2015-07-01T00:00:00+00:00\",\"H\",7.0],[\"2016-01-01T00:00:00+00:00\",\"H\",8.0]]");
        assertThat(foobar.get(path + "Q").json().toString())
                .isEqualTo("[[\"2015-01-01T00:00:00+00:00\",\"Q\",11.0],"
                        + "[\"2015-04-01T00:00:00+00:00\",\"Q\",3.0],[\"2015-10-01T00:00:00+00:00\",\"Q\",7.0],"
                        + "[\"2016-01-01T00:00:00+00:00\",\"Q\",8.0]]");
        assertThat(foobar.get(path + "M").json().toString())
                .isEqualTo("[[\"2015-03-01T00:00:00+00:00\",\"M\",11.0],"
                        + "[\"2015-04-01T00:00:00+00:00\",\"M\",3.0],[\"2015-10-01T00:00:00+00:00\",\"M\",7.0],"
                        + "[\"2016-01-01T00:00:00+00:00\",\"M\",12.0],[\"2016-02-01T00:00:00+00:00\",\"M\",4.0]]");
        assertThat(foobar.get(path + "W").json().toString())
                .isEqualTo("[[\"2015-03-01T00:00:00+00:00\",\"W\",11.0],"
                        + "[\"2015-03-29T00:00:00+00:00\",\"W\",2.0],[\"2015-04-05T00:00:00+00:00\",\"W\",4.0],"
                        + "[\"2015-10-04T00:00:00+00:00\",\"W\",7.0],[\"2016-01-03T00:00:00+00:00\",\"W\",12.0],"
                        + "[\"2016-01-31T00:00:00+00:00\",\"W\",4.0]]");
        assertSeries(
                foobar.get(path + "86400").json(),
                point("2015-03-01T00:00:00+00:00", 86400, 10.0),
                point("2015-03-06T00:00:00+00:00", 86400, 12.0),
                point("2015-04-01T00:00:00+00:00", 86400, 2.0),
                point("2015-04-06T00:00:00+00:00", 86400, 4.0),
                point("2015-10-06T00:00:00+00:00", 86400, 7.0),
                point("2016-01-06T00:00:00+00:00", 86400, 12.0),
                point("2016-02-06T00:00:00+00:00", 86400, 4.0));
    }

    @Test
    void badOperationsAreRefusedWithGnocchisErrors() {
        String unknown1 = "8c062a7e-9f9f-4b1c-9996-9d0328512ab7";
        String unknown2 = "e4864464-1b27-4622-9fbb-dc900e06c192";
        List<GnocchiClient.Point> before = foobar.measures(m1, "granularity=1");

        assertInvalidInput(aggregates("", List.of()), "Operation must not be empty");
        assertInvalidInput(
                aggregates("", List.of("metric")), "Operation need at least one argument for dictionary value");
        assertInvalidInput(
                aggregates("", "(rolling blah 2 (metric " + m1 + " mean))"),
                "'rolling' operation invalid for dictionary value");
        assertInvalidInput(
                aggregates("", "(rolling mean (metric " + m1 + " mean))"),
                "'rolling' operation invalid for dictionary value");
        assertInvalidInput(
                aggregates("", "(notexist (absolute (metric " + m1 + " mean)))"),
                "'notexist' operation invalid for dictionary value");
        assertInvalidInput(
                aggregates("", "(resample mean invalid (metric " + m1 + " mean))"),
                "'resample' operation invalid for dictionary value");
        Reply unparsable = aggregates("", "(metroc foo bar");
        assertThat(unparsable.status()).isEqualTo(400);
        assertThat(unparsable.description().get("cause").asText()).isEqualTo("Invalid operations");
        assertThat(unparsable.description().get("reason").asText()).startsWith("Fail to parse the operations string");

        Reply unknownMetrics = aggregates(
                "", List.of("metric", List.of(m1, "mean"), List.of(unknown1, "mean"), List.of(unknown2, "mean")));
        assertThat(unknownMetrics.status()).isEqualTo(404);
        assertThat(unknownMetrics.description().get("cause").asText()).isEqualTo("Unknown metrics");
        assertThat(unknownMetrics.description().get("detail").toString())
                .isEqualTo("[\"" + unknown1 + "\",\"" + unknown2 + "\"]");
        Reply mismatch = aggregates("", "(metric (" + m1 + " mean) (" + m2 + " mean) (" + m3 + " mean))");
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.description().get("cause").asText()).isEqualTo("Metrics can't being aggregated");
        assertThat(mismatch.description().get("reason").asText()).isEqualTo("No granularity match");
        assertThat(mismatch.description().get("detail")).hasSize(3);
        Reply noGranularity = aggregates("?granularity=123", "(metric " + m1 + " mean)");
        assertThat(noGranularity.status()).isEqualTo(400);
        assertThat(noGranularity.description().get("reason").asText()).isEqualTo("Granularities are missing");
        assertThat(noGranularity.description().get("detail").toString()).isEqualTo("[[\"" + m1 + "\",\"mean\",123.0]]");
        Reply unknownMethod = aggregates("", "(metric (" + m1 + " what?) (" + m2 + " mean))");
        assertThat(unknownMethod.status()).isEqualTo(404);
        assertThat(unknownMethod.description().get("cause").asText()).isEqualTo("Metrics with unknown aggregation");
        assertThat(unknownMethod.description().get("detail").toString()).isEqualTo("[[\"" + m1 + "\",\"what?\"]]");

        assertArgumentError(
                aggregates("?start=notadate", "(metric " + m1 + " mean)"),
                "start",
                "Must be a datetime or a timestamp");
        assertArgumentError(
                aggregates("?stop=notadate", "(metric " + m1 + " mean)"), "stop", "Must be a datetime or a timestamp");
        assertArgumentError(
                aggregates("?needed_overlap=notnumber", "(metric " + m1 + " mean)"),
                "needed_overlap",
                "Must be a number");
        assertArgumentError(
                aggregates("?granularity=foobar", "(metric " + m1 + " mean)"),
                "granularity",
                "Unable to parse timespan");
        assertArgumentError(
                aggregates("?fill=foobar&granularity=5", "(metric " + m1 + " mean)"),
                "fill",
                "Must be a float, 'dropna' or 'null'");
        assertThat(foobar.measures(m1, "granularity=1")).isEqualTo(before);
    }

    @Test
    void anotherUsersMetricsAreForbidden() {
        Reply other = api.user("alice")
                .post(
                        "/v1/aggregates",
                        Map.of("operations", "(aggregate mean (metric (" + m1 + " mean) (" + m2 + " mean)))"));

        assertThat(other.status()).isEqualTo(403);
        assertThat(api.admin()
                        .post("/v1/aggregates?granularity=60", Map.of("operations", "(metric " + m1 + " mean)"))
                        .status())
                .isEqualTo(200);
    }

    private static JsonNode operations(String query, String operations) {
        Reply reply = aggregates(query, operations);
        assertThat(reply.status()).as("%s for %s", reply, operations).isEqualTo(200);
        return reply.json().get("measures");
    }

    private static Reply aggregates(String query, Object operations) {
        return foobar.post("/v1/aggregates" + query, Map.of("operations", operations));
    }

    private static void assertInvalidInput(Reply reply, String reasonPrefix) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.description().get("cause").asText()).isEqualTo("Invalid input");
        assertThat(reply.description().get("reason").asText()).startsWith(reasonPrefix);
        assertThat(reply.description().get("detail").toString()).isEqualTo("[\"operations\"]");
    }

    private static void assertArgumentError(Reply reply, String argument, String reason) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.description().get("cause").asText()).isEqualTo("Argument value error");
        assertThat(reply.description().get("detail").asText()).isEqualTo(argument);
        assertThat(reply.description().get("reason").asText()).isEqualTo(reason);
    }
}
