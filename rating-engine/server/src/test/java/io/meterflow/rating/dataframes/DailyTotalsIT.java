package io.meterflow.rating.dataframes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Summaries over whole days read the daily totals; they must always say what the points say:
 * after points are added, and after a scope reset deletes from the middle of a day.
 */
@RealServices
class DailyTotalsIT {

    private static final String[] PROJECTS = {"daily-a", "daily-b"};

    @Test
    void wholeDaySummariesEqualThePointsAfterWritesAndAPartialDayDeletion(PostgresDatabase db) throws Exception {
        try (RatingApiFixture api = RatingApiFixture.start(db)) {
            for (int hour = 0; hour < 60; hour += 5) { // 2026-10-01 00:00 to 2026-10-03 11:00
                Instant begin = Instant.parse("2026-10-01T00:00:00Z").plusSeconds(3600L * hour);
                List<Map<String, Object>> points = new ArrayList<>();
                for (String project : PROJECTS) {
                    points.add(Map.of(
                            "vol", Map.of("unit", "GiB", "qty", String.valueOf(hour + 1)),
                            "rating", Map.of("price", "0.25"),
                            "groupby", Map.of("id", "vol-" + project, "project_id", project),
                            "metadata", Map.of()));
                }
                RatingApiFixture.Reply stored = api.post(
                        "/v2/dataframes",
                        Map.of(
                                "dataframes",
                                List.of(Map.of(
                                        "period",
                                                Map.of(
                                                        "begin",
                                                        begin.toString(),
                                                        "end",
                                                        begin.plusSeconds(3600).toString()),
                                        "usage", Map.of("volume", points)))));
                assertThat(stored.status()).as(stored.body()).isEqualTo(204);
            }
            assertThat(summaryByProjectAndDay(api)).isEqualTo(fromPoints(db));

            api.post(
                    "/v2/scope",
                    Map.of(
                            "scope_id",
                            "daily-a",
                            "scope_key",
                            "project_id",
                            "fetcher",
                            "gnocchi",
                            "collector",
                            "gnocchi",
                            "last_processed_timestamp",
                            "2026-10-03T10:00:00+00:00"));
            assertThat(api.put(
                                    "/v2/scope",
                                    Map.of(
                                            "scope_id",
                                            "daily-a",
                                            "last_processed_timestamp",
                                            "2026-10-02T12:00:00+00:00"))
                            .status())
                    .isEqualTo(202);
            Map<String, BigDecimal> afterReset = summaryByProjectAndDay(api);
            assertThat(afterReset).isEqualTo(fromPoints(db));
            assertThat(afterReset).doesNotContainKey("daily-a/2026-10-03");
        }
    }

    /** project/day → quantity, from /v2/summary over whole days (the daily totals). */
    private static Map<String, BigDecimal> summaryByProjectAndDay(RatingApiFixture api) {
        JsonNode summary = api.get("/v2/summary?begin=2026-10-01T00:00:00Z&end=2026-10-04T00:00:00Z"
                        + "&groupby=project_id,time-d&response_format=object")
                .json();
        Map<String, BigDecimal> totals = new TreeMap<>();
        summary.get("results")
                .forEach(row -> totals.put(
                        row.get("project_id").asText() + "/"
                                + row.get("begin").asText().substring(0, 10),
                        new BigDecimal(row.get("qty").asText()).stripTrailingZeros()));
        return totals;
    }

    private static Map<String, BigDecimal> fromPoints(PostgresDatabase db) throws Exception {
        Map<String, BigDecimal> totals = new TreeMap<>();
        try (Connection c = db.connect();
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT project_id, (period_begin AT TIME ZONE 'UTC')::date,"
                        + " sum(qty) FROM rating_dataframes GROUP BY 1, 2")) {
            while (rows.next()) {
                totals.put(
                        rows.getString(1) + "/" + rows.getString(2),
                        rows.getBigDecimal(3).stripTrailingZeros());
            }
        }
        return totals;
    }
}
