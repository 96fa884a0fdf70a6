package io.meterflow.gnocchiclient.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterflow.gnocchiclient.internal.GnocchiJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResourceQueryTest {

    @Test
    void buildsGnocchisQueryLanguage() throws Exception {
        ResourceQuery query = ResourceQuery.and(
                ResourceQuery.projectId("p1"),
                ResourceQuery.in("flavor_id", List.of("1", "2")),
                ResourceQuery.startedBefore(Instant.parse("2026-02-01T00:00:00Z")),
                ResourceQuery.or(
                        ResourceQuery.notEnded(), ResourceQuery.endedAtOrAfter(Instant.parse("2026-01-01T00:00:00Z"))));

        assertThat(query.toJson()).isEqualTo(GnocchiJson.newMapper().readTree("""
                {"and": [{"=": {"project_id": "p1"}}, {"in": {"flavor_id": ["1", "2"]}},
                         {"<": {"started_at": "2026-02-01T00:00:00Z"}},
                         {"or": [{"=": {"ended_at": null}}, {">=": {"ended_at": "2026-01-01T00:00:00Z"}}]}]}"""));
    }

    @Test
    void takesAnyConditionAsJsonAndCopiesIt() throws Exception {
        var raw = GnocchiJson.newMapper().readTree("{\"like\": {\"host\": \"compute%\"}}");
        ResourceQuery query = ResourceQuery.of(raw);

        query.toJson().put("x", 1);

        assertThat(query.toJson()).isEqualTo(raw);
        assertThat(ResourceQuery.all().toJson()).isEmpty();
        assertThatThrownBy(() -> ResourceQuery.eq(" ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(ResourceQuery::and).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void searchParametersGoToTheQueryString() {
        ResourceSearch search = ResourceSearch.of("instance", ResourceQuery.all())
                .limit(50)
                .after("75c44741-cc60-4033-804e-2d3098c7d2e9")
                .sortedBy("started_at:asc", "id:asc")
                .withDetails();

        assertThat(search.toQueryString())
                .hasToString("?limit=50&marker=75c44741-cc60-4033-804e-2d3098c7d2e9"
                        + "&sort=started_at%3Aasc&sort=id%3Aasc&details=true");
        assertThatThrownBy(() -> search.limit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
