package io.meterflow.timeseries.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Listing resources on a real PostgreSQL: pagination with Gnocchi's Link header and markers,
 * sorting, {@code details}, {@code attrs}, history listings and bulk delete by search, as
 * pagination.yaml, resource.yaml and history.yaml expect. Each test lists its own resource type,
 * so the tests do not see each other's rows.
 */
@RealServices
class ResourceListingIT {

    /** pagination.yaml's ids, in creation order. */
    private static final List<String> CREATED = List.of(
            "57a9e836-87b8-4a21-9e30-18a474b98fef",
            "4facbf7e-a900-406d-a828-82393f7006b3",
            "36775172-ebc9-4060-9870-a649361bc3ab",
            "28593168-52bb-43b5-a6db-fc2343aac02a",
            "1e3d5702-2cbf-46e0-ba13-0ddaa3c71150");

    private static ApiFixture api;
    private static GnocchiClient admin;
    private static GnocchiClient foobar;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        admin = api.admin();
        foobar = api.user("foobar");
        for (String type : List.of("paged", "bulk", "bulk_refused")) {
            assertThat(admin.post("/v1/resource_type", Map.of("name", type)).status())
                    .isEqualTo(201);
        }
        assertThat(admin.post("/v1/resource_type", """
                {"name": "sorted", "attributes": {"rank": {"type": "number", "required": false},
                                                  "label": {"type": "string", "required": false}}}""").status()).isEqualTo(201);
        for (String id : CREATED) {
            create("paged", Map.of("id", id, "project_id", "f3d41b770cc14f0bb94a1d5be9c0e3ea"));
        }
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void pagesInDefaultOrderWithMarkers() {
        assertThat(ids(foobar.get("/v1/resource/paged?limit=2"))).isEqualTo(CREATED.subList(0, 2));
        assertThat(ids(foobar.get("/v1/resource/paged?limit=4&marker=" + CREATED.get(1))))
                .isEqualTo(CREATED.subList(2, 5));
    }

    @Test
    void fullPageCarriesALinkToTheNext() {
        Reply page = foobar.get("/v1/resource/paged?limit=2&sort=id:asc");

        assertThat(ids(page))
                .containsExactly("1e3d5702-2cbf-46e0-ba13-0ddaa3c71150", "28593168-52bb-43b5-a6db-fc2343aac02a");
        assertThat(page.header("Link"))
                .isEqualTo("<" + api.baseUri() + "/v1/resource/paged?limit=2"
                        + "&marker=28593168-52bb-43b5-a6db-fc2343aac02a&sort=id%3Aasc>; rel=\"next\"");
        Reply next = foobar.get("/v1/resource/paged?limit=4&sort=id:asc&marker=28593168-52bb-43b5-a6db-fc2343aac02a");
        assertThat(ids(next))
                .containsExactly(
                        "36775172-ebc9-4060-9870-a649361bc3ab",
                        "4facbf7e-a900-406d-a828-82393f7006b3",
                        "57a9e836-87b8-4a21-9e30-18a474b98fef");
        assertThat(next.header("Link")).isNull();
        assertThat(ids(foobar.get("/v1/resource/paged?limit=2&sort=id")))
                .containsExactly("1e3d5702-2cbf-46e0-ba13-0ddaa3c71150", "28593168-52bb-43b5-a6db-fc2343aac02a");
    }

    @Test
    void searchPagesToo() {
        Reply page = foobar.post(
                "/v1/search/resource/paged?limit=2&sort=id:asc&marker=" + CREATED.get(2),
                Map.of(
                        "or",
                        List.of(
                                Map.of("=", Map.of("id", CREATED.get(2))),
                                Map.of("=", Map.of("id", CREATED.get(1))),
                                Map.of("=", Map.of("id", CREATED.get(0))))));

        assertThat(ids(page)).containsExactly(CREATED.get(1), CREATED.get(0));
    }

    @Test
    void badPaginationIsRefused() {
        Reply marker = foobar.get("/v1/resource/paged?marker=d44b3f4c-27bc-4ace-b81c-2a8e60026874");
        Reply sortKey = foobar.get("/v1/resource/paged?sort=invalid:asc");
        Reply sortDir = foobar.get("/v1/resource/paged?sort=id:invalid");
        Reply negative = foobar.get("/v1/resource/paged?limit=-2");
        Reply notANumber = foobar.get("/v1/resource/paged?limit=invalid");

        assertThat(marker.status()).isEqualTo(400);
        assertThat(marker.description().asText())
                .isEqualTo("Invalid pagination: `Invalid marker: `d44b3f4c-27bc-4ace-b81c-2a8e60026874''");
        for (Reply refused : List.of(sortKey, sortDir, negative, notANumber)) {
            assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        }
        assertThat(negative.description().get("cause").asText()).isEqualTo("Argument value error");
        assertThat(notANumber.description().get("cause").asText()).isEqualTo("Argument value error");
        assertThat(ids(foobar.get("/v1/resource/paged"))).isEqualTo(CREATED);
    }

    @Test
    void sortsOnSeveralKeysWithDirections() {
        String[][] rows = {{"s1", "2", "b"}, {"s2", "1", "z"}, {"s3", "2", "a"}, {"s4", "1", "c"}};
        for (String[] row : rows) {
            create("sorted", Map.of("id", row[0], "rank", Integer.parseInt(row[1]), "label", row[2]));
        }

        JsonNode byRankThenLabel =
                foobar.get("/v1/resource/sorted?sort=rank:desc&sort=label:asc").json();
        JsonNode byLabel = foobar.get("/v1/resource/sorted?sort=label:desc").json();

        assertThat(originalIds(byRankThenLabel)).containsExactly("s3", "s1", "s4", "s2");
        assertThat(originalIds(byLabel)).containsExactly("s2", "s4", "s1", "s3");
        assertThat(foobar.get("/v1/resource/sorted?sort=flavor_id:asc").status())
                .isEqualTo(400);
    }

    @Test
    void detailsShowTypedAttributesInGenericListings() {
        create(
                "instance",
                Map.of(
                        "id",
                        "vm-details",
                        "flavor_id",
                        "2",
                        "host",
                        "compute1",
                        "display_name",
                        "vm",
                        "flavor_name",
                        "m1.small"));

        JsonNode plain = find(foobar.get("/v1/resource/generic").json(), "vm-details");
        JsonNode detailed = find(foobar.get("/v1/resource/generic?details=true").json(), "vm-details");

        assertThat(plain.get("type").asText()).isEqualTo("instance");
        assertThat(plain.has("flavor_id")).isFalse();
        assertThat(plain.size()).isEqualTo(13);
        assertThat(detailed.get("flavor_id").asText()).isEqualTo("2");
        assertThat(detailed.get("host").asText()).isEqualTo("compute1");
        assertThat(foobar.get("/v1/resource/generic?details=maybe").status()).isEqualTo(400);
    }

    @Test
    void attrsKeepOnlyTheNamedKnownKeys() {
        JsonNode some = foobar.get("/v1/resource/paged?attrs=id&attrs=started_at&attrs=user_id")
                .json();
        JsonNode unknown =
                foobar.get("/v1/resource/paged?attrs=id&attrs=foo&attrs=bar").json();

        assertThat(some).hasSize(CREATED.size());
        some.forEach(resource -> assertThat(resource.size()).isEqualTo(3));
        assertThat(some.get(0).has("started_at")).isTrue();
        unknown.forEach(resource -> assertThat(resource.size()).isEqualTo(1));
        assertThat(unknown.get(0).get("id").asText()).isEqualTo(CREATED.get(0));
    }

    @Test
    void historyListingHasEveryRevisionAndPagesByRevision() {
        assertThat(admin.post("/v1/resource_type", Map.of("name", "revised")).status())
                .isEqualTo(201);
        String id = create("revised", Map.of("id", "r1", "project_id", "p1"));
        assertThat(foobar.patch("/v1/resource/revised/" + id, Map.of("project_id", "p2"))
                        .status())
                .isEqualTo(200);
        assertThat(foobar.patch("/v1/resource/revised/" + id, Map.of("project_id", "p3"))
                        .status())
                .isEqualTo(200);

        JsonNode all = foobar.get("/v1/resource/revised?history=true").json();
        Reply first = foobar.get("/v1/resource/revised?history=true&limit=1&sort=id:asc&sort=ended_at:asc-nullsfirst");

        assertThat(all).hasSize(3);
        assertThat(all.get(0).get("project_id").asText()).isEqualTo("p1");
        assertThat(all.get(2).get("project_id").asText()).isEqualTo("p3");
        assertThat(foobar.get("/v1/resource/revised").json()).hasSize(1);
        assertThat(first.json()).hasSize(1);
        String link = first.header("Link");
        assertThat(link).contains("history=true").contains("limit=1").contains("marker=" + id + "%40");
        String next = link.substring(link.indexOf("/v1/"), link.indexOf('>'));
        Reply second = foobar.get(next);
        assertThat(second.status()).as("%s", second).isEqualTo(200);
        assertThat(second.json()).hasSize(1);
        assertThat(second.json().get(0).get("revision_start"))
                .isNotEqualTo(first.json().get(0).get("revision_start"));
    }

    @Test
    void bulkDeleteRemovesOnlyWhatTheQueryMatches() {
        for (int i = 0; i < 4; i++) {
            create(
                    "bulk",
                    Map.of(
                            "id",
                            "b" + i,
                            "project_id",
                            i < 3 ? "doomed" : "kept",
                            "started_at",
                            i == 0 ? "2014-08-04T00:00:00Z" : "2015-01-01T00:00:00Z"));
        }
        String kept = foobar.get("/v1/resource/bulk/b3").json().get("id").asText();

        Reply byStart = deleteMatching("/v1/resource/bulk", Map.of("eq", Map.of("started_at", "2014-08-04")));
        Reply byProject = deleteMatching("/v1/resource/bulk", Map.of("=", Map.of("project_id", "doomed")));
        Reply none = deleteMatching(
                "/v1/resource/bulk", Map.of("in", Map.of("id", List.of("f93450f2-0000-4d67-9985-02511241e7d1"))));

        assertThat(byStart.status()).as("%s", byStart).isEqualTo(200);
        assertThat(byStart.json().get("deleted").asInt()).isEqualTo(1);
        assertThat(byProject.json().get("deleted").asInt()).isEqualTo(2);
        assertThat(none.json().get("deleted").asInt()).isZero();
        assertThat(ids(foobar.get("/v1/resource/bulk"))).containsExactly(kept);
    }

    @Test
    void bulkDeleteTakesAFilterString() {
        assertThat(admin.post("/v1/resource_type", Map.of("name", "bulk_filtered"))
                        .status())
                .isEqualTo(201);
        String first = create("bulk_filtered", Map.of("id", "cd09ecce-3e17-4733-ad32-8a6b2034dcfd"));
        String second = create("bulk_filtered", Map.of("id", "05fde895-cf8a-475c-90a7-a4c8598d935d"));
        String kept = create("bulk_filtered", Map.of("id", "f93450f2-eeee-4d67-9985-02511241e7d1"));

        Reply deleted =
                foobar.delete("/v1/resource/bulk_filtered?filter=id%20in%20%5B" + first + "%2C%20" + second + "%5D");
        Reply badFilter = foobar.delete("/v1/resource/bulk_filtered?filter=id%20%3D%3D%3D%20x");

        assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
        assertThat(deleted.json().get("deleted").asInt()).isEqualTo(2);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.description().asText()).startsWith("Invalid filter: ");
        assertThat(ids(foobar.get("/v1/resource/bulk_filtered"))).containsExactly(kept);
    }

    @Test
    void bulkDeleteRefusesEmptyOrBadQueriesAndDeletesNothing() {
        String id = create("bulk_refused", Map.of("id", "survivor", "project_id", "safe"));

        Reply noQuery = foobar.send("DELETE", "/v1/resource/bulk_refused", "application/json", "");
        Reply emptyIn = deleteMatching("/v1/resource/bulk_refused", Map.of("in", Map.of("id", List.of())));
        Reply emptyAnd = deleteMatching("/v1/resource/bulk_refused", Map.of("and", List.of()));
        Reply unknownOperator = deleteMatching("/v1/resource/bulk_refused", Map.of("wat", Map.of("id", id)));
        Reply emptyObject = deleteMatching("/v1/resource/bulk_refused", Map.of());

        assertThat(noQuery.status()).isEqualTo(400);
        assertThat(noQuery.description().asText()).startsWith("caution: the query can not be empty");
        assertThat(emptyIn.status()).isEqualTo(400);
        assertThat(emptyIn.body()).contains("length of value must be at least 1");
        assertThat(emptyAnd.status()).isEqualTo(400);
        assertThat(unknownOperator.status()).isEqualTo(400);
        assertThat(emptyObject.status()).isEqualTo(400);
        assertThat(foobar.get("/v1/resource/bulk_refused/" + id).status()).isEqualTo(200);
    }

    private static Reply deleteMatching(String path, Object query) {
        return foobar.send("DELETE", path, "application/json", query);
    }

    private static String create(String type, Map<String, Object> body) {
        Reply created = foobar.post("/v1/resource/" + type, body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().forEach(resource -> ids.add(resource.get("id").asText()));
        return ids;
    }

    private static List<String> originalIds(JsonNode resources) {
        List<String> ids = new ArrayList<>();
        resources.forEach(
                resource -> ids.add(resource.get("original_resource_id").asText()));
        return ids;
    }

    private static JsonNode find(JsonNode resources, String originalId) {
        for (JsonNode resource : resources) {
            if (resource.get("original_resource_id").asText().equals(originalId)) {
                return resource;
            }
        }
        throw new AssertionError(originalId + " not in " + resources);
    }
}
