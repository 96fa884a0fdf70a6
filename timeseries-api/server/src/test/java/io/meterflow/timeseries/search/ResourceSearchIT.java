package io.meterflow.timeseries.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /v1/search/resource/{type} on a real PostgreSQL: Gnocchi's JSON query language and filter
 * strings, every operator and alias, lifespan and time filters, generic vs typed attributes, and
 * malformed queries answered with search.yaml's errors. Four servers, searched read-only:
 * <pre>
 *   web-1  cores 2   enabled  project pa  2014-01-01 00:00 .. 02:00 (lifespan 2 h)
 *   web-2  cores 4   disabled project pb  2014-01-02 00:00 .. 00:30 (lifespan 30 min)
 *   db-1   cores 8   enabled  no project  2015-06-01 ..
 *   db-2   cores 16  enabled  project pa  2016-01-01 ..           booted 2016-01-01
 * </pre>
 */
@RealServices
class ResourceSearchIT {

    private static ApiFixture api;
    private static GnocchiClient foobar;
    private static Instant beforeCreation;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        foobar = api.user("foobar");
        Reply type = api.admin().post("/v1/resource_type", """
                {"name": "server", "attributes": {
                  "name": {"type": "string", "required": true, "max_length": 16},
                  "cores": {"type": "number", "required": false},
                  "enabled": {"type": "bool", "required": false},
                  "booted": {"type": "datetime", "required": false}}}""");
        assertThat(type.status()).as("%s", type).isEqualTo(201);
        beforeCreation = Instant.now().minus(1, ChronoUnit.MINUTES);
        create("web-1", 2, true, "pa", "2014-01-01T00:00:00Z", "2014-01-01T02:00:00Z", null);
        create("web-2", 4, false, "pb", "2014-01-02T00:00:00Z", "2014-01-02T00:30:00Z", null);
        create("db-1", 8, true, null, "2015-06-01T00:00:00Z", null, null);
        create("db-2", 16, true, "pa", "2016-01-01T00:00:00Z", null, "2016-01-01T00:00:00Z");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void comparisonsAndTheirAliases() {
        assertThat(search("{\"=\": {\"name\": \"web-1\"}}")).containsExactly("web-1");
        assertThat(search("{\"eq\": {\"name\": \"web-1\"}}")).containsExactly("web-1");
        assertThat(search("{\"==\": {\"cores\": 4}}")).containsExactly("web-2");
        assertThat(search("{\"<\": {\"cores\": 8}}")).containsExactly("web-1", "web-2");
        assertThat(search("{\"lt\": {\"cores\": 8}}")).containsExactly("web-1", "web-2");
        assertThat(search("{\"<=\": {\"cores\": 8}}")).containsExactly("web-1", "web-2", "db-1");
        assertThat(search("{\"le\": {\"cores\": 8}}")).containsExactly("web-1", "web-2", "db-1");
        assertThat(search("{\"≤\": {\"cores\": 8}}")).containsExactly("web-1", "web-2", "db-1");
        assertThat(search("{\">\": {\"cores\": 8}}")).containsExactly("db-2");
        assertThat(search("{\"gt\": {\"cores\": 8}}")).containsExactly("db-2");
        assertThat(search("{\">=\": {\"cores\": 8}}")).containsExactly("db-1", "db-2");
        assertThat(search("{\"ge\": {\"cores\": 8}}")).containsExactly("db-1", "db-2");
        assertThat(search("{\"≥\": {\"cores\": 8}}")).containsExactly("db-1", "db-2");
        assertThat(search("{\"=\": {\"enabled\": false}}")).containsExactly("web-2");
        assertThat(search("{\"like\": {\"name\": \"db%\"}}")).containsExactly("db-1", "db-2");
        assertThat(search("{\"in\": {\"cores\": [2, 16]}}")).containsExactly("web-1", "db-2");
        assertThat(search("{\"=\": {\"project_id\": null}}")).containsExactly("db-1");
    }

    @Test
    void notEqualAlsoMatchesMissingValues() {
        // Gnocchi compiles != to (attr IS NULL OR attr != value).
        assertThat(search("{\"!=\": {\"project_id\": \"pa\"}}")).containsExactly("web-2", "db-1");
        assertThat(search("{\"ne\": {\"project_id\": \"pa\"}}")).containsExactly("web-2", "db-1");
        assertThat(search("{\"≠\": {\"project_id\": \"pa\"}}")).containsExactly("web-2", "db-1");
    }

    @Test
    void logicalOperatorsNest() {
        assertThat(search("{\"and\": [{\">=\": {\"cores\": 4}}, {\"=\": {\"enabled\": true}}]}"))
                .containsExactly("db-1", "db-2");
        assertThat(search("{\"or\": [{\"=\": {\"name\": \"web-1\"}}, {\"in\": {\"cores\": [16]}}]}"))
                .containsExactly("web-1", "db-2");
        assertThat(search("{\"not\": {\"like\": {\"name\": \"web%\"}}}")).containsExactly("db-1", "db-2");
        assertThat(search("{\"and\": [{\"=\": {\"project_id\": \"pa\"}}, {\"not\": {\"or\": ["
                        + "{\"=\": {\"cores\": 2}}, {\"=\": {\"cores\": 4}}]}}]}"))
                .containsExactly("db-2");
        assertThat(search("{}")).containsExactly("web-1", "web-2", "db-1", "db-2");
    }

    @Test
    void lifespanAndTimeFilters() {
        assertThat(search("{\">=\": {\"lifespan\": \"1 hour\"}}")).containsExactly("web-1");
        assertThat(search("{\"<\": {\"lifespan\": \"1 hour\"}}")).containsExactly("web-2");
        assertThat(search("{\">=\": {\"started_at\": \"2015-01-01\"}}")).containsExactly("db-1", "db-2");
        assertThat(search("{\"<\": {\"ended_at\": \"2014-01-02T00:00:00\"}}")).containsExactly("web-1");
        assertThat(search("{\"=\": {\"ended_at\": null}}")).containsExactly("db-1", "db-2");
        assertThat(search("{\">\": {\"booted\": \"2015-12-31T23:00:00+00:00\"}}"))
                .containsExactly("db-2");
        assertThat(search("{\">=\": {\"revision_start\": \"" + beforeCreation + "\"}}"))
                .containsExactly("web-1", "web-2", "db-1", "db-2");
        assertThat(search("{\"<\": {\"revision_start\": \"" + beforeCreation + "\"}}"))
                .isEmpty();
    }

    @Test
    void filterStringsSpeakTheSameLanguage() {
        assertThat(filter("cores >= 8 and enabled = true")).containsExactly("db-1", "db-2");
        assertThat(filter("name like 'web%' or cores = 16")).containsExactly("web-1", "web-2", "db-2");
        assertThat(filter("not name like 'web%'")).containsExactly("db-1", "db-2");
        assertThat(filter("project_id != 'pa'")).containsExactly("web-2", "db-1");
        assertThat(filter("project_id ne 'pa'")).containsExactly("web-2", "db-1");
        assertThat(filter("cores in [2, 4]")).containsExactly("web-1", "web-2");
        assertThat(filter("not cores in [2, 4]")).containsExactly("db-1", "db-2");
        assertThat(filter("(cores < 4 or cores > 8) and project_id eq \"pa\"")).containsExactly("web-1", "db-2");
        assertThat(filter("lifespan > '1 hour'")).containsExactly("web-1");
        assertThat(filter("started_at < '2014-06-01' and ended_at != null")).containsExactly("web-1", "web-2");
        assertThat(filter("project_id = null")).containsExactly("db-1");
    }

    @Test
    void genericSearchSeesCommonAttributesOfEveryType() {
        JsonNode generic = searchRaw("generic", "{\"=\": {\"project_id\": \"pa\"}}");

        assertThat(generic).hasSize(2);
        generic.forEach(resource -> {
            assertThat(resource.get("type").asText()).isEqualTo("server");
            assertThat(resource.has("cores")).isFalse();
        });
        Reply typedOnGeneric = foobar.post("/v1/search/resource/generic", "{\"=\": {\"cores\": 2}}");
        assertThat(typedOnGeneric.status()).isEqualTo(400);
        assertThat(typedOnGeneric.description().asText()).isEqualTo("Resource type generic has no cores attribute");
    }

    @Test
    void idsInQueriesAreTransformedLikeOnCreate() {
        assertThat(search("{\"=\": {\"id\": \"web-2\"}}")).containsExactly("web-2");
        assertThat(search("{\"in\": {\"id\": [\"web-1\", \"db-1\"]}}")).containsExactly("web-1", "db-1");
        assertThat(filter("id = 'db-2'")).containsExactly("db-2");
        assertThat(api.user("someone-else")
                        .post("/v1/search/resource/server", "{\"=\": {\"id\": \"web-2\"}}")
                        .json())
                .isEmpty();
    }

    @Test
    void attrsAndSortingApplyToSearches() {
        JsonNode sorted = foobar.post(
                        "/v1/search/resource/server?sort=cores:desc&attrs=id&attrs=cores", "{\">\": {\"cores\": 2}}")
                .json();

        assertThat(sorted).hasSize(3);
        assertThat(sorted.get(0).get("cores").asDouble()).isEqualTo(16.0);
        assertThat(sorted.get(2).get("cores").asDouble()).isEqualTo(4.0);
        sorted.forEach(resource -> assertThat(resource.size()).isEqualTo(2));
    }

    @Test
    void malformedQueriesAreRefusedWithGnocchisErrors() throws Exception {
        long revisions = api.count("SELECT count(*) FROM resource");

        assertInvalidInput(
                post("{\"and\": {\"project_id\": \"foobar\"}}"),
                "expected a list for dictionary value @ data",
                "[\"and\"]");
        assertInvalidInput(post("{\"like\": {\"id\": \"fa%\"}}"), "extra keys not allowed @ data", "[\"like\",\"id\"]");
        assertInvalidInput(
                post("{\"ne\": {\"project_id\": [\"foobar\"]}}"),
                "expected str for dictionary value @ data",
                "[\"ne\",\"project_id\"]");
        assertInvalidInput(
                post("{\"not\": [{\"project_id\": \"foobar\"}]}"),
                "expected a dictionary for dictionary value @ data",
                "[\"not\"]");
        Reply emptyIn = post("{\"in\": {\"cores\": []}}");
        Reply unknownOperator = post("{\"wat\": {\"cores\": 2}}");
        Reply twoKeys = post("{\"=\": {\"cores\": 2}, \">\": {\"cores\": 1}}");
        Reply badValue = post("{\"=\": {\"cores\": \"many\"}}");
        Reply badDate = post("{\">\": {\"started_at\": \"yesterday-ish\"}}");
        Reply unknownAttribute = post("{\"=\": {\"colour\": \"red\"}}");
        Reply notJson = post("{\"=\": ");
        Reply badFilter = foobar.post("/v1/search/resource/server?filter=" + encode("id == foobar and"), null);
        Reply badFilterOperator = foobar.post("/v1/search/resource/server?filter=" + encode("cores >> 2"), null);
        Reply emptyInFilter = foobar.post("/v1/search/resource/server?filter=" + encode("cores in []"), null);
        Reply unknownType = foobar.post("/v1/search/resource/nope", "{}");

        assertThat(emptyIn.status()).isEqualTo(400);
        assertThat(emptyIn.body()).contains("length of value must be at least 1");
        assertThat(unknownOperator.status()).isEqualTo(400);
        assertThat(unknownOperator.description().get("cause").asText()).isEqualTo("Invalid input");
        assertThat(twoKeys.status()).isEqualTo(400);
        assertThat(badValue.status()).isEqualTo(400);
        assertThat(badValue.description().asText()).isEqualTo("Invalid value: `many' for field `cores'");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.description().asText()).isEqualTo("Invalid value: `yesterday-ish' for field `started_at'");
        assertThat(unknownAttribute.status()).isEqualTo(400);
        assertThat(unknownAttribute.description().asText()).isEqualTo("Resource type server has no colour attribute");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.description().get("cause").asText()).isEqualTo("Unable to decode body");
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.description().asText()).startsWith("Invalid filter: Expected");
        assertThat(badFilterOperator.status()).isEqualTo(400);
        assertThat(badFilterOperator.description().asText()).startsWith("Invalid filter: ");
        assertThat(emptyInFilter.status()).isEqualTo(400);
        assertThat(emptyInFilter.body()).contains("length of value must be at least 1");
        assertThat(unknownType.status()).isEqualTo(404);
        assertThat(unknownType.description().asText()).isEqualTo("Resource type nope does not exist");
        assertThat(api.count("SELECT count(*) FROM resource")).isEqualTo(revisions);
        assertThat(search("{}")).containsExactly("web-1", "web-2", "db-1", "db-2");
    }

    private static void create(
            String id, int cores, boolean enabled, String project, String startedAt, String endedAt, String booted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", id);
        body.put("cores", cores);
        body.put("enabled", enabled);
        body.put("started_at", startedAt);
        // Absent, not null: Gnocchi's schemas take no null for an optional attribute.
        putIfPresent(body, "project_id", project);
        putIfPresent(body, "ended_at", endedAt);
        putIfPresent(body, "booted", booted);
        Reply created = foobar.post("/v1/resource/server", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
    }

    private static void putIfPresent(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }

    private static Reply post(String query) {
        return foobar.post("/v1/search/resource/server", query);
    }

    /** Original ids of the matches, in Gnocchi's default order (revision_start, i.e. creation order). */
    private static List<String> search(String query) {
        return originalIds(searchRaw("server", query));
    }

    private static JsonNode searchRaw(String type, String query) {
        Reply reply = foobar.post("/v1/search/resource/" + type, query);
        assertThat(reply.status()).as("%s for %s", reply, query).isEqualTo(200);
        return reply.json();
    }

    private static List<String> filter(String filter) {
        Reply reply = foobar.post("/v1/search/resource/server?filter=" + encode(filter), null);
        assertThat(reply.status()).as("%s for %s", reply, filter).isEqualTo(200);
        return originalIds(reply.json());
    }

    private static List<String> originalIds(JsonNode resources) {
        List<String> ids = new ArrayList<>();
        resources.forEach(
                resource -> ids.add(resource.get("original_resource_id").asText()));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void assertInvalidInput(Reply reply, String reasonPrefix, String detail) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.description().get("cause").asText()).isEqualTo("Invalid input");
        assertThat(reply.description().get("reason").asText()).startsWith(reasonPrefix);
        assertThat(reply.description().get("detail").toString()).isEqualTo(detail);
    }
}
