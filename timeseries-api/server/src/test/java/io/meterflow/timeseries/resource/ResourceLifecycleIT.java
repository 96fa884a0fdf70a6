package io.meterflow.timeseries.resource;

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
 * One resource's life on a real PostgreSQL: create (with metrics, with non-UUID ids), show, PATCH,
 * revisions, delete; expectations from Gnocchi's resource.yaml, history.yaml and transformedids.yaml.
 * Every refused request is followed by a re-read showing nothing changed.
 */
@RealServices
class ResourceLifecycleIT {

    private static final String USER_ID = "0fbb231484614b1a80131fc22f6afc9c";
    private static final String PROJECT_ID = "f3d41b770cc14f0bb94a1d5be9c0e3ea";

    private static ApiFixture api;
    private static GnocchiClient foobar;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        foobar = api.user("foobar");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void createsShowsAndDeletesAGenericResource() {
        String id = "75c44741-cc60-4033-804e-2d3098c7d2e9";

        Reply created = foobar.post(
                "/v1/resource/generic",
                Map.of(
                        "id",
                        id.toUpperCase(),
                        "user_id",
                        USER_ID,
                        "project_id",
                        PROJECT_ID,
                        "started_at",
                        "2014-01-03T02:02:02.000000"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/v1/resource/generic/" + id);
        JsonNode resource = created.json();
        assertThat(resource.get("id").asText()).isEqualTo(id);
        assertThat(resource.get("original_resource_id").asText()).isEqualTo(id.toUpperCase());
        assertThat(resource.get("type").asText()).isEqualTo("generic");
        assertThat(resource.get("creator").asText()).isEqualTo("foobar");
        assertThat(resource.get("created_by_user_id").asText()).isEqualTo("foobar");
        assertThat(resource.get("started_at").asText()).isEqualTo("2014-01-03T02:02:02+00:00");
        assertThat(resource.get("ended_at").isNull()).isTrue();
        assertThat(resource.get("revision_end").isNull()).isTrue();
        assertThat(resource.get("metrics").size()).isZero();
        assertThat(resource.size()).isEqualTo(13);
        assertThat(foobar.get("/v1/resource/generic/" + id.toUpperCase()).json())
                .isEqualTo(resource);

        Reply again = foobar.post("/v1/resource/generic", Map.of("id", id));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.description().asText()).isEqualTo("Resource " + id + " already exists");
        assertThat(api.user("bob").delete("/v1/resource/generic/" + id).status())
                .isEqualTo(403);
        assertThat(foobar.get("/v1/resource/generic/" + id).json()).isEqualTo(resource);

        assertThat(foobar.delete("/v1/resource/generic/" + id).status()).isEqualTo(204);
        Reply gone = foobar.get("/v1/resource/generic/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.description().asText()).isEqualTo("Resource " + id + " does not exist");
        assertThat(foobar.delete("/v1/resource/generic/" + id).status()).isEqualTo(404);
    }

    @Test
    void metricsMapCreatesByPolicyAndAttachesExistingMetrics() {
        String existing = foobar.createMetric("low");
        String id = "85c44741-cc60-4033-804e-2d3098c7d2e9";

        Reply created = foobar.post(
                "/v1/resource/generic",
                Map.of(
                        "id",
                        id,
                        "metrics",
                        Map.of("cpu.util", Map.of("archive_policy_name", "medium"), "disk.iops", existing)));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode metrics = created.json().get("metrics");
        assertThat(metrics.get("disk.iops").asText()).isEqualTo(existing);
        Reply cpu = foobar.get("/v1/resource/generic/" + id + "/metric/cpu.util");
        assertThat(cpu.status()).as("%s", cpu).isEqualTo(200);
        assertThat(cpu.json().get("id").asText())
                .isEqualTo(metrics.get("cpu.util").asText());
        assertThat(cpu.json().at("/archive_policy/name").asText()).isEqualTo("medium");
        assertThat(foobar.get("/v1/metric/" + existing)
                        .json()
                        .at("/resource/id")
                        .asText())
                .isEqualTo(id);
        assertThat(foobar.get("/v1/resource/generic/" + id + "/metric").json()).hasSize(2);
    }

    @Test
    void badMetricsOnCreateAreRefusedAndNoResourceIsCreated() throws Exception {
        String id = "95c44741-cc60-4033-804e-2d3098c7d2e9";
        String unknown = "f3d41b77-0cc1-4f0b-b94a-1d5be9c0e3ea";

        Reply unknownMetric =
                foobar.post("/v1/resource/generic", Map.of("id", id, "metrics", Map.of("cpu.util", unknown)));
        Reply unknownPolicy = foobar.post(
                "/v1/resource/generic",
                Map.of("id", id, "metrics", Map.of("cpu.util", Map.of("archive_policy_name", "noexist"))));
        Reply slash = foobar.post(
                "/v1/resource/generic",
                Map.of("id", id, "metrics", Map.of("disk/iops", Map.of("archive_policy_name", "medium"))));
        Reply noBody = foobar.post("/v1/resource/generic", null);
        Reply wrongType = foobar.send("POST", "/v1/resource/generic", "text/plain", "{\"id\": \"" + id + "\"}");

        assertThat(unknownMetric.status()).isEqualTo(400);
        assertThat(unknownMetric.description().asText()).isEqualTo("Metric " + unknown + " does not exist");
        assertThat(unknownPolicy.status()).isEqualTo(400);
        assertThat(unknownPolicy.description().asText()).isEqualTo("Archive policy noexist does not exist");
        assertThat(slash.status()).isEqualTo(400);
        assertThat(slash.body()).contains("'/' is not supported in metric name");
        assertThat(noBody.status()).isEqualTo(400);
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(foobar.get("/v1/resource/generic/" + id).status()).isEqualTo(404);
        assertThat(api.count("SELECT count(*) FROM metric WHERE name = 'cpu.util' AND resource_id = ?::uuid", id))
                .isZero();
    }

    @Test
    void nonUuidIdsBecomeGnocchisUuid5PerCreator() throws Exception {
        // uuid5(0a7a15ff-aa13-4ac2-897c-9bdf30ce175b, id + "\0" + creator), computed with Gnocchi's utils.
        Reply byFoobar = foobar.post("/v1/resource/generic", Map.of("id", "generic zero"));
        Reply byPasta = api.user("pasta").post("/v1/resource/generic", Map.of("id", "generic zero"));

        assertThat(byFoobar.status()).as("%s", byFoobar).isEqualTo(201);
        assertThat(byFoobar.json().get("id").asText()).isEqualTo("f2420acc-453c-595d-a5d6-385e7f3de4ef");
        assertThat(byFoobar.json().get("original_resource_id").asText()).isEqualTo("generic zero");
        assertThat(byFoobar.header("Location")).endsWith("/v1/resource/generic/f2420acc-453c-595d-a5d6-385e7f3de4ef");
        assertThat(byPasta.status()).as("%s", byPasta).isEqualTo(201);
        assertThat(byPasta.json().get("id").asText()).isEqualTo("65572e04-6f6e-5d79-b8c8-fb29fa56539d");
        assertThat(foobar.get("/v1/resource/generic/generic%20zero")
                        .json()
                        .get("id")
                        .asText())
                .isEqualTo("f2420acc-453c-595d-a5d6-385e7f3de4ef");
        assertThat(foobar.post("/v1/resource/generic", Map.of("id", "generic zero"))
                        .status())
                .isEqualTo(409);

        Reply slash = foobar.post("/v1/resource/generic", Map.of("id", "id-with-/"));
        Reply tooLong = foobar.post("/v1/resource/generic", Map.of("id", "a".repeat(256)));
        assertThat(slash.status()).isEqualTo(400);
        assertThat(slash.body()).contains("'/' is not supported in resource id");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body())
                .contains("transformable resource id >255 max allowed characters for dictionary value");
        assertThat(api.count(
                        "SELECT count(*) FROM resource WHERE original_resource_id IN (?, ?)",
                        "id-with-/",
                        "a".repeat(256)))
                .isZero();
    }

    @Test
    void startMustNotBeAfterEnd() {
        String id = "a5c44741-cc60-4033-804e-2d3098c7d2e9";

        Reply inverted = foobar.post(
                "/v1/resource/generic",
                Map.of("id", id, "started_at", "2014-01-01 02:02:02", "ended_at", "2013-01-01 02:02:02"));
        assertThat(inverted.status()).isEqualTo(400);
        assertThat(inverted.body()).contains("Start timestamp cannot be after end timestamp");
        assertThat(foobar.get("/v1/resource/generic/" + id).status()).isEqualTo(404);

        assertThat(foobar.post("/v1/resource/generic", Map.of("id", id, "started_at", "2014-01-01 02:02:02"))
                        .status())
                .isEqualTo(201);
        JsonNode before = foobar.get("/v1/resource/generic/" + id).json();
        Reply endBeforeStart = foobar.patch("/v1/resource/generic/" + id, Map.of("ended_at", "2013-01-01 02:02:02"));
        Reply badDate = foobar.patch("/v1/resource/generic/" + id, Map.of("ended_at", "not a date"));

        // A PATCH reaches the database check, which Gnocchi reports as a ResourceValueError.
        assertThat(endBeforeStart.status()).isEqualTo(400);
        assertThat(endBeforeStart.description().asText())
                .startsWith("Value 2013-01-01")
                .endsWith(" for attribute ended_at on resource type generic is invalid");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.description().get("cause").asText()).isEqualTo("Invalid input");
        assertThat(foobar.get("/v1/resource/generic/" + id).json()).isEqualTo(before);
        assertThat(foobar.get("/v1/resource/generic/" + id + "/history").json()).hasSize(1);
    }

    @Test
    void historyListsEveryRevisionInOrderWithItsEnd() {
        String id = "f93450f2-d8a5-4d67-9985-02511241e7d1";
        String path = "/v1/resource/generic/" + id;
        assertThat(foobar.post("/v1/resource/generic", Map.of("id", id, "user_id", USER_ID, "project_id", PROJECT_ID))
                        .status())
                .isEqualTo(201);

        assertThat(foobar.patch(path, Map.of("user_id", "f53c58a4-fdea-4c09-aac4-02135900be67"))
                        .status())
                .isEqualTo(200);
        assertThat(foobar.patch(path, Map.of("project_id", "fe20a931-1012-4cc6-addc-39556ec60907"))
                        .status())
                .isEqualTo(200);
        // Neither a metrics-only change nor a no-op change makes a revision (history.yaml).
        assertThat(foobar.patch(path, Map.of("metrics", Map.of("mem", Map.of("archive_policy_name", "low"))))
                        .status())
                .isEqualTo(200);
        assertThat(foobar.patch(path, Map.of("project_id", "fe20a931-1012-4cc6-addc-39556ec60907"))
                        .status())
                .isEqualTo(200);
        Reply ended = foobar.patch(path, Map.of("ended_at", "2099-01-01T00:00:00Z"));
        assertThat(ended.status()).as("%s", ended).isEqualTo(200);

        JsonNode history = foobar.get(path + "/history").json();
        assertThat(history).hasSize(4);
        assertThat(history.get(0).get("user_id").asText()).isEqualTo(USER_ID);
        assertThat(history.get(0).get("project_id").asText()).isEqualTo(PROJECT_ID);
        assertThat(history.get(1).get("user_id").asText()).isEqualTo("f53c58a4-fdea-4c09-aac4-02135900be67");
        assertThat(history.get(1).get("project_id").asText()).isEqualTo(PROJECT_ID);
        assertThat(history.get(2).get("project_id").asText()).isEqualTo("fe20a931-1012-4cc6-addc-39556ec60907");
        assertThat(history.get(2).get("ended_at").isNull()).isTrue();
        assertThat(history.get(3).get("ended_at").asText()).isEqualTo("2099-01-01T00:00:00+00:00");
        for (int i = 0; i < 3; i++) {
            assertThat(history.get(i).get("revision_end").asText())
                    .isEqualTo(history.get(i + 1).get("revision_start").asText());
        }
        assertThat(history.get(3).get("revision_end").isNull()).isTrue();
        assertThat(history.get(3).get("metrics").has("mem")).isTrue();
        assertThat(foobar.get(path).json().get("revision_start"))
                .isEqualTo(history.get(3).get("revision_start"));

        JsonNode descending =
                foobar.get(path + "/history?sort=revision_start:desc").json();
        assertThat(descending.get(0).get("revision_start"))
                .isEqualTo(history.get(3).get("revision_start"));
        assertThat(foobar.post(path + "/history", Map.of()).status()).isEqualTo(405);
    }

    @Test
    void badPatchesAreRefusedAndChangeNothing() {
        String id = "b5c44741-cc60-4033-804e-2d3098c7d2e9";
        String path = "/v1/resource/generic/" + id;
        assertThat(foobar.post("/v1/resource/generic", Map.of("id", id, "project_id", PROJECT_ID))
                        .status())
                .isEqualTo(201);
        JsonNode before = foobar.get(path).json();

        Reply changesId = foobar.patch(path, Map.of("id", "foobar"));
        Reply list = foobar.patch(path, List.of("Beer and pickles"));
        Reply unknownKey = foobar.patch(path, Map.of("flavor_id", "2"));
        Reply unknownMetric =
                foobar.patch(path, Map.of("metrics", Map.of("x", "f3d41b77-0cc1-4f0b-b94a-1d5be9c0e3ea")));
        Reply otherUser = api.user("bob").patch(path, Map.of("project_id", "p2"));
        Reply missing =
                foobar.patch("/v1/resource/generic/77777777-cc60-4033-804e-2d3098c7d2e9", Map.of("project_id", "p2"));

        assertThat(changesId.status()).isEqualTo(400);
        assertThat(changesId.description().get("cause").asText()).isEqualTo("Invalid input");
        assertThat(changesId.description().get("reason").asText()).startsWith("extra keys not allowed @ data");
        assertThat(changesId.description().get("detail").toString()).isEqualTo("[\"id\"]");
        assertThat(list.status()).isEqualTo(400);
        assertThat(list.description().get("reason").asText()).startsWith("expected a dictionary");
        assertThat(list.description().get("detail").size()).isZero();
        assertThat(unknownKey.status()).isEqualTo(400);
        assertThat(unknownMetric.status()).isEqualTo(400);
        assertThat(unknownMetric.description().asText())
                .isEqualTo("Metric f3d41b77-0cc1-4f0b-b94a-1d5be9c0e3ea does not exist");
        assertThat(otherUser.status()).isEqualTo(403);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foobar.get(path).json()).isEqualTo(before);
        assertThat(foobar.get(path + "/history").json()).hasSize(1);
    }

    @Test
    void typedResourcesKeepTheirAttributesAcrossPatches() {
        String id = "c5c44741-cc60-4033-804e-2d3098c7d2e9";
        String path = "/v1/resource/instance/" + id;
        Reply created = foobar.post(
                "/v1/resource/instance",
                Map.of(
                        "id",
                        id,
                        "flavor_id",
                        "2",
                        "host",
                        "compute1",
                        "display_name",
                        "vm1",
                        "flavor_name",
                        "m1.small",
                        "project_id",
                        PROJECT_ID));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        JsonNode before = created.json();

        Reply missingRequired = foobar.post(
                "/v1/resource/instance", Map.of("id", "d5c44741-cc60-4033-804e-2d3098c7d2e9", "flavor_id", "2"));
        Reply tooLong = foobar.patch(path, Map.of("host", "h".repeat(256)));
        assertThat(missingRequired.status()).isEqualTo(400);
        assertThat(missingRequired.description().get("reason").asText()).startsWith("required key not provided");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.description().get("detail").toString()).isEqualTo("[\"host\"]");
        assertThat(foobar.get(path).json()).isEqualTo(before);
        assertThat(foobar.get("/v1/resource/instance/d5c44741-cc60-4033-804e-2d3098c7d2e9")
                        .status())
                .isEqualTo(404);

        Reply patched = foobar.patch(path, Map.of("flavor_id", "3"));
        assertThat(patched.status()).as("%s", patched).isEqualTo(200);
        assertThat(patched.json().get("flavor_id").asText()).isEqualTo("3");
        assertThat(patched.json().get("host").asText()).isEqualTo("compute1");
        JsonNode history = foobar.get(path + "/history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("flavor_id").asText()).isEqualTo("2");
        assertThat(history.get(0).get("display_name").asText()).isEqualTo("vm1");
    }
}
