package io.meterflow.timeseries.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
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
 * Gnocchi's default policy on resources with identities from headers (noauth mode): a non-admin
 * sees what their project created or owns. Listings, searches and search-based aggregates are
 * filtered ({@code project_id = p or creator like '%:p'}); reading someone else's resource is 403,
 * changing it is 403 and leaves it as it was.
 */
@RealServices
class ResourcePolicyIT {

    private static final String OWN = "5a3b2c1d-0000-4000-8000-000000000001";
    private static final String FOREIGN = "5a3b2c1d-0000-4000-8000-000000000002";
    private static final String OWNED_FOR_US = "5a3b2c1d-0000-4000-8000-000000000003";

    private static ApiFixture api;
    private static GnocchiClient p1;
    private static GnocchiClient p2;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db, ConfigOverride.config("authMode", "noauth"));
        p1 = api.anonymous().withHeader("X-User-Id", "u1").withHeader("X-Project-Id", "p1");
        p2 = api.anonymous().withHeader("X-User-Id", "u2").withHeader("X-Project-Id", "p2");
        Map<String, Object> cpu = Map.of("cpu.util", Map.of("archive_policy_name", "low"));
        create(p1, Map.of("id", OWN, "project_id", "p1", "metrics", cpu));
        create(p2, Map.of("id", FOREIGN, "project_id", "p2", "metrics", cpu));
        // Created by p2 for p1: p1 owns it (resource_owner), p2 created it (admin_or_creator).
        create(p2, Map.of("id", OWNED_FOR_US, "project_id", "p1", "metrics", cpu));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void listingsAndSearchesShowOnlyWhatTheProjectCreatedOrOwns() {
        assertThat(ids(p1.get("/v1/resource/generic"))).containsExactlyInAnyOrder(OWN, OWNED_FOR_US);
        assertThat(ids(p2.get("/v1/resource/generic"))).containsExactlyInAnyOrder(FOREIGN, OWNED_FOR_US);
        assertThat(ids(p1.post("/v1/search/resource/generic", "{}"))).containsExactlyInAnyOrder(OWN, OWNED_FOR_US);
        assertThat(ids(p1.post("/v1/search/resource/generic", "{\"=\": {\"id\": \"" + FOREIGN + "\"}}")))
                .isEmpty();
        assertThat(ids(api.anonymous()
                        .withHeader("X-User-Id", "root")
                        .withHeader("X-Project-Id", "p0")
                        .withHeader("X-Roles", "admin")
                        .get("/v1/resource/generic")))
                .hasSize(3);
    }

    @Test
    void readingAnotherProjectsResourceIsForbidden() {
        assertThat(p1.get("/v1/resource/generic/" + FOREIGN).status()).isEqualTo(403);
        assertThat(p1.get("/v1/resource/generic/" + FOREIGN + "/history").status())
                .isEqualTo(403);
        assertThat(p1.get("/v1/resource/generic/" + OWNED_FOR_US).status()).isEqualTo(200);
        assertThat(p1.get("/v1/resource/generic/" + OWNED_FOR_US + "/metric/cpu.util/measures")
                        .status())
                .isEqualTo(200);
        assertThat(p1.get("/v1/resource/generic/5a3b2c1d-0000-4000-8000-00000000ffff")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void changingAnotherProjectsResourceIsForbiddenAndChangesNothing() {
        Reply before = p2.get("/v1/resource/generic/" + FOREIGN);

        Reply patch = p1.patch("/v1/resource/generic/" + FOREIGN, Map.of("user_id", "intruder"));
        Reply delete = p1.delete("/v1/resource/generic/" + FOREIGN);
        Reply ownerPatch = p1.patch("/v1/resource/generic/" + OWNED_FOR_US, Map.of("user_id", "owner"));
        Reply bulk = p1.send("DELETE", "/v1/resource/generic", "application/json", Map.of("=", Map.of("id", FOREIGN)));

        assertThat(patch.status()).isEqualTo(403);
        assertThat(delete.status()).isEqualTo(403);
        // update resource is admin_or_creator only: owning the resource is not enough.
        assertThat(ownerPatch.status()).isEqualTo(403);
        assertThat(bulk.status()).as("%s", bulk).isEqualTo(200);
        assertThat(bulk.json().get("deleted").asInt()).isZero();
        assertThat(p2.get("/v1/resource/generic/" + FOREIGN).json()).isEqualTo(before.json());
    }

    @Test
    void searchBasedAggregatesSeeOnlyTheProjectsResources() {
        Reply own = p1.post(
                "/v1/aggregates?details=true",
                Map.of("resource_type", "generic", "search", Map.of(), "operations", "(metric cpu.util mean)"));
        Reply foreignOnly = p1.post(
                "/v1/aggregates",
                Map.of(
                        "resource_type",
                        "generic",
                        "search",
                        Map.of("=", Map.of("id", FOREIGN)),
                        "operations",
                        "(metric cpu.util mean)"));

        assertThat(own.status()).as("%s", own).isEqualTo(200);
        List<String> referenced = new ArrayList<>();
        own.json()
                .get("references")
                .forEach(reference -> referenced.add(reference.get("id").asText()));
        assertThat(referenced).containsExactlyInAnyOrder(OWN, OWNED_FOR_US);
        assertThat(foreignOnly.status()).as("%s", foreignOnly).isEqualTo(400);
        assertThat(foreignOnly.description().get("cause").asText()).isEqualTo("Metrics not found");
    }

    private static void create(GnocchiClient client, Map<String, Object> body) {
        Reply created = client.post("/v1/resource/generic", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
    }

    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        reply.json().forEach(resource -> ids.add(resource.get("id").asText()));
        return ids;
    }
}
