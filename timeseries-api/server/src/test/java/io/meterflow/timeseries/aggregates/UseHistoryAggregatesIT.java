package io.meterflow.timeseries.aggregates;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code use_history=true} on {@code POST /v1/aggregates} with a groupby (Gnocchi 4.5): a resource
 * counts once per revision, with the attributes of that revision and only the measures of the
 * time it was valid. What a rating engine needs to price a past hour with the flavor the instance
 * had then. Revisions are stamped with the server's clock, so the measures lie two hours either
 * side of the flavor change, and in the hour it happened.
 */
@RealServices
class UseHistoryAggregatesIT {

    private static final String PROJECT = "history-project-" + UUID.randomUUID();
    private static final String TYPE =
            "flavored_" + UUID.randomUUID().toString().substring(0, 8);

    private static ApiFixture api;
    private static GnocchiClient admin;
    private static String resource;
    private static Instant before;
    private static Instant after;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        admin = api.admin();
        admin.createPolicy(Map.of(
                "name", "hourly-history",
                "aggregation_methods", List.of("max"),
                "definition", List.of(Map.of("granularity", "1 hour", "timespan", "7 days"))));
        ok(admin.post(
                "/v1/resource_type",
                Map.of("name", TYPE, "attributes", Map.of("flavor", Map.of("type", "string", "required", false)))));
        resource = UUID.randomUUID().toString();
        ok(admin.post(
                "/v1/resource/" + TYPE,
                Map.of(
                        "id",
                        resource,
                        "project_id",
                        PROJECT,
                        "flavor",
                        "small",
                        "metrics",
                        Map.of("vcpus", Map.of("archive_policy_name", "hourly-history")))));
        ok(admin.patch("/v1/resource/" + TYPE + "/" + resource, Map.of("flavor", "large")));
        Instant changed = Instant.now().truncatedTo(ChronoUnit.HOURS);
        before = changed.minus(Duration.ofHours(2));
        after = changed.plus(Duration.ofHours(2));
        ok(admin.post(
                "/v1/resource/" + TYPE + "/" + resource + "/metric/vcpus/measures",
                GnocchiClient.measures(before.toString(), 1, changed.toString(), 2, after.toString(), 4)));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void eachRevisionGetsTheMeasuresOfItsOwnTimeWithItsOwnAttributes() {
        JsonNode groups = ok(aggregates("&use_history=true")).json();

        assertThat(groups).hasSize(2);
        JsonNode small =
                groups.get(0).get("group").get("flavor").asText().equals("small") ? groups.get(0) : groups.get(1);
        JsonNode large = small == groups.get(0) ? groups.get(1) : groups.get(0);
        assertThat(small.at("/group/flavor").asText()).isEqualTo("small");
        assertThat(large.at("/group/flavor").asText()).isEqualTo("large");
        assertThat(small.at("/group/revision_end").isNull()).isFalse();
        assertThat(large.at("/group/revision_end").isNull()).isTrue();
        assertThat(large.at("/group/revision_start").asText())
                .isEqualTo(small.at("/group/revision_end").asText());
        // The first revision reaches back before the resource was indexed: its hour is counted; the
        // hour in which the flavor changed belongs to the revision valid when it began, only to it.
        assertThat(GnocchiClient.points(small.at("/measures/measures/aggregated")))
                .extracting(GnocchiClient.Point::value)
                .containsExactly(1.0, 2.0);
        assertThat(GnocchiClient.points(large.at("/measures/measures/aggregated")))
                .extracting(GnocchiClient.Point::value)
                .containsExactly(4.0);
    }

    @Test
    void withoutHistoryTheCurrentAttributesTakeEveryMeasure() {
        JsonNode groups = ok(aggregates("")).json();

        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("group").toString())
                .isEqualTo("{\"flavor\":\"large\",\"id\":\"" + resource + "\"}");
        assertThat(GnocchiClient.points(groups.get(0).at("/measures/measures/aggregated")))
                .extracting(GnocchiClient.Point::value)
                .containsExactly(1.0, 2.0, 4.0);
    }

    private static Reply aggregates(String options) {
        return admin.post(
                "/v1/aggregates?groupby=id&groupby=flavor&granularity=3600&start=" + before.minus(Duration.ofHours(1))
                        + "&stop=" + after.plus(Duration.ofHours(1)) + options,
                Map.of(
                        "resource_type",
                        TYPE,
                        "search",
                        Map.of("=", Map.of("project_id", PROJECT)),
                        "operations",
                        "(aggregate max (metric vcpus max))"));
    }

    private static Reply ok(Reply reply) {
        assertThat(reply.status() / 100).as("%s", reply).isEqualTo(2);
        return reply;
    }
}
