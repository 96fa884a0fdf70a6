package io.meterflow.timeseries.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code authMode: noauth}: identities from the X-User-Id, X-Project-Id and X-Roles headers, as
 * gnocchiclient's noauth plugin sends them; creators are {@code user:project} and projects see
 * their own metrics.
 */
@RealServices
class NoAuthModeIT {

    private static ApiFixture api;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db, ConfigOverride.config("authMode", "noauth"));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void creatorIsUserColonProject() {
        Reply created = identity("u1", "p1", null).post("/v1/metric", Map.of("archive_policy_name", "low"));

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.json().get("creator").asText()).isEqualTo("u1:p1");
        assertThat(created.json().get("created_by_user_id").asText()).isEqualTo("u1");
        assertThat(created.json().get("created_by_project_id").asText()).isEqualTo("p1");
    }

    @Test
    void projectMembersShareMetricsOtherProjectsAreForbidden() {
        String metric = identity("u1", "p-shared", null).createMetric("low");
        identity("u1", "p-shared", null).addMeasures(metric, "2014-10-06T14:33:57", 1);
        GnocchiClient colleague = identity("u2", "p-shared", null);
        GnocchiClient stranger = identity("u3", "p-other", null);

        assertThat(colleague.get("/v1/metric/" + metric).status()).isEqualTo(200);
        assertThat(colleague.measures(metric, "aggregation=count")).hasSize(1);
        assertThat(stranger.get("/v1/metric/" + metric).status()).isEqualTo(403);
        assertThat(stranger.get("/v1/metric/" + metric + "/measures").status()).isEqualTo(403);
        assertThat(stranger.post("/v1/metric/" + metric + "/measures", GnocchiClient.measures("2014-10-06T14:34:00", 1))
                        .status())
                .isEqualTo(403);
        assertThat(stranger.post(
                                "/v1/batch/metrics/measures",
                                Map.of(metric, GnocchiClient.measures("2014-10-06T14:34:00", 1)))
                        .status())
                .isEqualTo(403);
        assertThat(stranger.delete("/v1/metric/" + metric).status()).isEqualTo(403);
        assertThat(colleague.measures(metric, "aggregation=count")).hasSize(1);
        assertThat(identity("admin-user", "p-admin", "admin")
                        .get("/v1/metric/" + metric)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void listingsShowOnlyTheCallersProjectToNonAdmins() {
        String mine = identity("u1", "p-list", null).createMetric("low");
        String theirs = identity("u9", "p-list-other", null).createMetric("low");

        List<String> asColleague = ids(identity("u2", "p-list", null).get("/v1/metric"));
        List<String> asStranger = ids(identity("u9", "p-list-other", null).get("/v1/metric"));
        List<String> asAdmin = ids(identity("root", "p-root", "admin").get("/v1/metric"));

        assertThat(asColleague).contains(mine).doesNotContain(theirs);
        assertThat(asStranger).contains(theirs).doesNotContain(mine);
        assertThat(asAdmin).contains(mine, theirs);
    }

    @Test
    void resourceProjectMayReadButNotDeleteItsMetrics() throws Exception {
        UUID resource = UUID.randomUUID();
        api.insertResource(resource, resource.toString(), "root:p-root", "p-owner");
        GnocchiClient root = identity("root", "p-root", "admin");
        String metric = root.createMetric(
                Map.of("archive_policy_name", "low", "resource_id", resource.toString(), "name", "cpu"));
        GnocchiClient owner = identity("u5", "p-owner", null);

        assertThat(owner.get("/v1/metric/" + metric).status()).isEqualTo(200);
        assertThat(owner.get("/v1/metric/" + metric + "/measures").status()).isEqualTo(200);
        assertThat(ids(owner.get("/v1/metric"))).contains(metric);
        assertThat(owner.delete("/v1/metric/" + metric).status()).isEqualTo(403);
        assertThat(root.get("/v1/metric/" + metric).status()).isEqualTo(200);
    }

    @Test
    void adminRoleComesFromXRoles() {
        String name = "noauth-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> policy = Map.of("name", name, "definition", List.of(Map.of("granularity", 60)));

        Reply member = identity("u1", "p1", "member,reader").post("/v1/archive_policy", policy);
        Reply admin = identity("u1", "p1", "member, admin").post("/v1/archive_policy", policy);

        assertThat(member.status()).isEqualTo(403);
        assertThat(admin.status()).isEqualTo(201);
        assertThat(identity("u1", "p1", null).get("/v1/status").status()).isEqualTo(403);
        assertThat(identity("u1", "p1", "admin").get("/v1/status").status()).isEqualTo(200);
    }

    private static GnocchiClient identity(String user, String project, String roles) {
        GnocchiClient client = api.anonymous().withHeader("X-User-Id", user).withHeader("X-Project-Id", project);
        return roles == null ? client : client.withHeader("X-Roles", roles);
    }

    private static List<String> ids(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json().findValuesAsText("id");
    }
}
