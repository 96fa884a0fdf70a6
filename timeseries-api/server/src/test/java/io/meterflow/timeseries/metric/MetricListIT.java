package io.meterflow.timeseries.metric;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code GET /v1/metric}: filters, sorting and marker pagination with {@code Link} headers. */
@RealServices
class MetricListIT {

    private static final Pattern NEXT = Pattern.compile("<(.+)>; rel=\"next\"");

    private static ApiFixture api;
    private static GnocchiClient bob;
    /** Metric names by id, and the metrics as the API lists them. */
    private static final Map<String, String> NAMES = new HashMap<>();

    @BeforeAll
    static void createMetrics(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        bob = api.user("bob");
        GnocchiClient alice = api.user("alice");
        create(alice, "a-cpu", "%", "low");
        create(alice, "a-mem", "B", "medium");
        create(alice, "a-disk", "B", "low");
        create(alice, "a-net", null, "high");
        create(alice, "a-load", null, "low");
        create(bob, "b-cpu", "%", "low");
        create(bob, "b-mem", "B", "medium");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void listsEveryUsersMetricsInIdOrderWithTheirPolicies() {
        Reply reply = bob.get("/v1/metric");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Link")).isNull();
        assertThat(ids(reply))
                .containsExactlyElementsOf(NAMES.keySet().stream().sorted().toList());
        assertThat(ids(api.anonymous().get("/v1/metric"))).isEqualTo(ids(reply)); // basic mode: no identity needed
        JsonNode first = reply.json().get(0);
        assertThat(first.has("resource_id")).isTrue();
        assertThat(first.get("archive_policy").get("name").asText()).isIn("low", "medium", "high");
        assertThat(first.get("archive_policy").has("definition")).isTrue();
    }

    @Test
    void pagesFollowTheLinkHeaderUntilTheLastPartialPage() {
        List<Reply> pages = allPages("/v1/metric?limit=2");

        assertThat(pages).extracting(page -> page.json().size()).containsExactly(2, 2, 2, 1);
        List<String> ids = new ArrayList<>();
        pages.forEach(page -> ids.addAll(ids(page)));
        assertThat(ids)
                .containsExactlyElementsOf(NAMES.keySet().stream().sorted().toList());
        assertThat(pages.get(0).header("Link"))
                .isEqualTo("<" + api.baseUri() + "/v1/metric?limit=2&marker=" + ids.get(1)
                        + "&sort=id%3Aasc>; rel=\"next\"");
        assertThat(pages.get(3).header("Link")).isNull();
    }

    @Test
    void sortsByNameDescendingAcrossPages() {
        List<String> names = new ArrayList<>();
        List<Reply> pages = allPages("/v1/metric?sort=name:desc&limit=3");
        pages.forEach(page -> ids(page).forEach(id -> names.add(NAMES.get(id))));

        assertThat(names).containsExactly("b-mem", "b-cpu", "a-net", "a-mem", "a-load", "a-disk", "a-cpu");
        assertThat(pages.get(0).header("Link")).contains("sort=name%3Adesc").contains("limit=3");
    }

    @Test
    void sortsNullsLastAscendingAndFirstDescendingWithIdAsTieBreaker() {
        List<String> ascending = new ArrayList<>();
        allPages("/v1/metric?sort=unit:asc&limit=2").forEach(page -> ascending.addAll(ids(page)));
        List<String> descending = new ArrayList<>();
        allPages("/v1/metric?sort=unit:desc&limit=2").forEach(page -> descending.addAll(ids(page)));
        Map<String, String> units = new HashMap<>();
        bob.get("/v1/metric")
                .json()
                .forEach(metric -> units.put(
                        metric.get("id").asText(),
                        metric.hasNonNull("unit") ? metric.get("unit").asText() : null));

        Comparator<String> byUnit = Comparator.comparing(units::get, Comparator.nullsLast(Comparator.naturalOrder()));
        assertThat(ascending)
                .containsExactlyElementsOf(units.keySet().stream()
                        .sorted(byUnit.thenComparing(Comparator.naturalOrder()))
                        .toList());
        Comparator<String> byUnitDescending =
                Comparator.comparing(units::get, Comparator.nullsFirst(Comparator.<String>reverseOrder()));
        assertThat(descending)
                .containsExactlyElementsOf(units.keySet().stream()
                        .sorted(byUnitDescending.thenComparing(Comparator.naturalOrder()))
                        .toList());
    }

    @Test
    void fullLastPageStillLinksToAnEmptyPageAndKeepsFilters() {
        Reply first = bob.get("/v1/metric?creator=bob&limit=2");
        Matcher next = NEXT.matcher(first.header("Link"));

        assertThat(next.matches()).isTrue();
        assertThat(next.group(1)).contains("creator=bob&limit=2&marker=");
        Reply last = bob.get(next.group(1));
        assertThat(last.json()).isEmpty();
        assertThat(last.header("Link")).isNull();
    }

    @ParameterizedTest(name = "?{0} lists {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "name=a-cpu                      | a-cpu",
                "unit=B                          | a-disk a-mem b-mem",
                "unit=%25                        | a-cpu b-cpu",
                "creator=alice                   | a-cpu a-disk a-load a-mem a-net",
                "archive_policy_name=medium      | a-mem b-mem",
                "creator=alice&unit=B            | a-disk a-mem",
                "name=nothing                    | ''",
                "user_id=alice                   | ''",
                "status=delete                   | ''",
                "status=active&creator=bob       | b-cpu b-mem",
                "resource_id=whatever&name=b-cpu | b-cpu"
            })
    void filtersOnAttributes(String query, String expectedNames) {
        Reply reply = bob.get("/v1/metric?" + query);

        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        assertThat(ids(reply).stream().map(NAMES::get).sorted().toList())
                .containsExactlyElementsOf(expectedNames.isEmpty() ? List.of() : List.of(expectedNames.split(" ")));
    }

    @ParameterizedTest(name = "?{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '~',
            value = {
                "limit=0       | value must be at least 1 for dictionary value @ data['limit']",
                "limit=abc     | expected int for dictionary value @ data['limit']",
                "limit=1.5     | expected int for dictionary value @ data['limit']",
                "sort=bogus    | Invalid pagination: `Sort key supplied is invalid: bogus'",
                "sort=bogus:asc| Invalid pagination: `Sort key supplied is invalid: bogus'"
            })
    void invalidPaginationIsRejected(String query, String message) {
        Reply reply = bob.get("/v1/metric?" + query);

        assertThat(reply.status()).isEqualTo(400);
        JsonNode description = reply.description();
        assertThat(
                        description.isTextual()
                                ? description.asText()
                                : description.get("reason").asText())
                .isEqualTo(message);
    }

    @Test
    void invalidStatusIsRejected() {
        Reply reply = bob.get("/v1/metric?status=foo");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void markerMustBeAnExistingMetric() {
        String unknown = UUID.randomUUID().toString();

        Reply reply = bob.get("/v1/metric?marker=" + unknown);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.description().asText()).isEqualTo("Invalid pagination: `Invalid marker: `" + unknown + "''");
    }

    @Test
    void sortDirectionsAreThoseOfOsloDb() {
        Reply unknown = bob.get("/v1/metric?sort=name:sideways");
        List<String> nullsFirst = new ArrayList<>();
        allPages("/v1/metric?sort=unit:asc-nullsfirst&limit=3")
                .forEach(page -> ids(page).forEach(id -> nullsFirst.add(NAMES.get(id))));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.description().asText())
                .isEqualTo("Invalid pagination: `Unknown sort direction, "
                        + "must be one of: asc-nullsfirst, asc-nullslast, desc-nullsfirst, desc-nullslast'");
        assertThat(nullsFirst.subList(0, 2)).containsExactlyInAnyOrder("a-net", "a-load");
        assertThat(nullsFirst.subList(2, 4)).containsExactlyInAnyOrder("a-cpu", "b-cpu"); // "%" sorts before "B"
    }

    private static List<Reply> allPages(String firstPage) {
        List<Reply> pages = new ArrayList<>();
        Reply page = bob.get(firstPage);
        while (true) {
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            pages.add(page);
            String link = page.header("Link");
            if (link == null || page.json().isEmpty()) {
                return pages;
            }
            Matcher next = NEXT.matcher(link);
            assertThat(next.matches()).as(link).isTrue();
            page = bob.get(next.group(1));
        }
    }

    private static List<String> ids(Reply reply) {
        return reply.json().findValuesAsText("id");
    }

    private static void create(GnocchiClient client, String name, String unit, String policy) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "archive_policy_name", policy));
        if (unit != null) {
            body.put("unit", unit);
        }
        NAMES.put(client.createMetric(body), name);
    }
}
