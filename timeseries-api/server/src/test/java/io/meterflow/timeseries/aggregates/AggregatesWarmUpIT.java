package io.meterflow.timeseries.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
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

/** The start-up warm-up runs the aggregates path on made-up series and leaves no trace. */
@RealServices
class AggregatesWarmUpIT {

    private static ApiFixture api;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db, ConfigOverride.config("warmUpRounds", "40"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void warmUpWritesNothingAndAggregatesAnswerAfterIt() throws Exception {
        assertThat(api.count("SELECT count(*) FROM metric")).isZero();
        assertThat(api.count("SELECT count(*) FROM aggregate_split")).isZero();
        assertThat(api.count("SELECT count(*) FROM resource")).isZero();
        assertThat(api.count("SELECT count(*) FROM archive_policy WHERE name = 'warm-up'"))
                .isZero();

        GnocchiClient client = api.user("planner");
        String metric = client.createMetric("low");
        client.addMeasures(metric, "2024-01-15T10:00:00", 4, "2024-01-15T10:01:00", 6);

        Reply reply = client.post(
                "/v1/aggregates?granularity=300",
                Map.of("operations", List.of("aggregate", "mean", List.of("metric", List.of(metric, "mean")))));

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(reply.json().at("/measures/aggregated/0/2").asDouble()).isEqualTo(5.0);
    }
}
