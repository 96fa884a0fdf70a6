package io.meterflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * What the rating processor would have stored, put in place for a test: a rated point through the
 * rating API's own {@code POST /v2/dataframes}, and a project's progress in its scope states.
 */
final class RatingSeed {

    private RatingSeed() {}

    /** One rated hour of one rating type for a project, priced by hand. */
    static void rated(RatingApiFixture rating, String project, String begin, String type, String qty, String price) {
        String end = java.time.LocalDateTime.parse(begin).plusHours(1).toString();
        Map<String, Object> point = Map.of(
                "vol", Map.of("unit", type.equals("volume") ? "GiB" : "instance", "qty", qty),
                "rating", Map.of("price", price),
                "groupby", Map.of("id", type + "-" + project, "project_id", project),
                "metadata", Map.of());
        RatingApiFixture.Reply stored = rating.post(
                "/v2/dataframes",
                Map.of(
                        "dataframes",
                        List.of(Map.of(
                                "period", Map.of("begin", begin, "end", end), "usage", Map.of(type, List.of(point))))));
        assertThat(stored.status()).as(stored.body()).isEqualTo(204);
    }

    /** The processor's progress on a project: the start of the last period it rated. */
    static void ratedThrough(PostgresDatabase database, String project, String lastPeriodStart) {
        try (Connection c = database.connect();
                var s = c.prepareStatement("""
                        INSERT INTO rating_scope_states (scope_id, scope_key, fetcher, collector, last_processed_timestamp)
                        VALUES (?, 'project_id', 'gnocchi', 'gnocchi', ?::timestamptz)
                        ON CONFLICT (scope_id) DO UPDATE SET last_processed_timestamp = excluded.last_processed_timestamp
                        """)) {
            s.setString(1, project);
            s.setString(2, lastPeriodStart);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
