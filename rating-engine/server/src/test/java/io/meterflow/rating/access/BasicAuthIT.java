package io.meterflow.rating.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code METERFLOW_AUTH_MODE=basic}, the development mode every Meterflow API shares (the
 * all-in-one's default): the Basic user name is the identity and its project, {@code admin} the
 * admin, and the same CloudKitty 22 policies judge the calls as under Keystone, so a project sees
 * its own summary only and may not change prices.
 */
@RealServices
class BasicAuthIT {

    private static final String NOVEMBER = "begin=2026-11-01T00:00:00&end=2026-12-01T00:00:00";
    private static RatingApiFixture api;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = RatingApiFixture.start(db, Map.of("authMode", "basic"));
        RatingApiFixture.Reply stored = asUser(
                "admin",
                "POST",
                "/v2/dataframes",
                Map.of(
                        "dataframes",
                        List.of(Map.of(
                                "period",
                                Map.of("begin", "2026-11-01T00:00:00", "end", "2026-11-01T01:00:00"),
                                "usage",
                                Map.of(
                                        "instance",
                                        List.of(point("alpha", "vm-a", "1.5"), point("beta", "vm-b", "2.25")))))));
        assertThat(stored.status()).as(stored.body()).isEqualTo(204);
    }

    @AfterAll
    static void stop() throws Exception {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void withoutCredentialsOnlyTheVersionsAnswer() {
        RatingApiFixture.Reply none = api.withToken(null, "GET", "/v2/summary?" + NOVEMBER, null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(api.withTokenAndHeader(null, "Authorization", "Basic !!!", "GET", "/v2/summary?" + NOVEMBER, null)
                        .status())
                .isEqualTo(401);
        assertThat(api.withToken(null, "GET", "/", null).status()).isEqualTo(200);
    }

    @Test
    void aProjectReadsItsOwnSummaryOnly() {
        RatingApiFixture.Reply alpha = asUser("alpha", "GET", "/v2/summary?" + NOVEMBER + "&groupby=project_id", null);
        assertThat(alpha.status()).as(alpha.body()).isEqualTo(200);
        assertThat(alpha.json().path("results")).hasSize(1);
        assertThat(alpha.json().path("results").path(0).toString())
                .contains("alpha")
                .doesNotContain("beta");

        RatingApiFixture.Reply asked =
                asUser("alpha", "GET", "/v2/summary?" + NOVEMBER + "&groupby=project_id&filters=project_id:beta", null);
        assertThat(asked.body()).doesNotContain("2.25");
    }

    @Test
    void theAdminSeesEveryProjectAndOthersMayNotChangePrices() {
        RatingApiFixture.Reply admin = asUser("admin", "GET", "/v2/summary?" + NOVEMBER + "&groupby=project_id", null);
        assertThat(admin.json().path("results")).hasSize(2);

        RatingApiFixture.Reply service =
                asUser("alpha", "POST", "/v1/rating/module_config/hashmap/services", Map.of("name", "instance"));
        assertThat(service.status()).isEqualTo(403);
        RatingApiFixture.Reply byAdmin =
                asUser("admin", "POST", "/v1/rating/module_config/hashmap/services", Map.of("name", "instance"));
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
    }

    private static RatingApiFixture.Reply asUser(String user, String method, String path, Object body) {
        String credentials =
                "Basic " + Base64.getEncoder().encodeToString((user + ":").getBytes(StandardCharsets.UTF_8));
        return api.withTokenAndHeader(null, "Authorization", credentials, method, path, body);
    }

    private static Map<String, Object> point(String project, String id, String price) {
        return Map.of(
                "vol", Map.of("unit", "instance", "qty", "1"),
                "rating", Map.of("price", price),
                "groupby", Map.of("id", id, "project_id", project),
                "metadata", Map.of("flavor_name", "m1.small"));
    }
}
