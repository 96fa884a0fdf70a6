package io.meterflow.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.ConfigOverride;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code profile: gnocchi-tests}, the settings Gnocchi's own functional tests assume. */
@RealServices
class GnocchiTestsProfileIT {

    private static ApiFixture api;
    private static GnocchiClient admin;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db, ConfigOverride.config("profile", "gnocchi-tests"));
        admin = api.admin();
        admin.createPolicy(Map.of("name", "only", "definition", List.of(Map.of("granularity", 60))));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void newInstallHasNoBuiltInPoliciesNorRules() {
        assertThat(admin.get("/v1/archive_policy").json().findValuesAsText("name"))
                .containsExactly("only");
        assertThat(admin.get("/v1/archive_policy_rule").json()).isEmpty();
        assertThat(admin.get("/v1/archive_policy/low").status()).isEqualTo(404);
    }

    @Test
    void metricWithoutPolicyNeedsAMatchingRule() throws SQLException {
        long before = api.count("SELECT count(*) FROM metric");

        Reply unnamed = admin.post("/v1/metric", Map.of());
        Reply named = admin.post("/v1/metric", Map.of("name", "cpu.util"));

        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.description().asText())
                .isEqualTo(
                        "No archive policy name specified and no archive policy rule found matching the metric name None");
        assertThat(named.description().asText())
                .isEqualTo(
                        "No archive policy name specified and no archive policy rule found matching the metric name cpu.util");
        assertThat(api.count("SELECT count(*) FROM metric")).isEqualTo(before);
    }

    @Test
    void listingsAreCappedAtSevenItems() {
        for (int i = 0; i < 8; i++) {
            admin.createMetric("only");
        }

        Reply asked = admin.get("/v1/metric?limit=100");
        Reply unasked = admin.get("/v1/metric");

        assertThat(asked.json()).hasSize(7);
        assertThat(asked.header("Link")).contains("limit=7&marker=");
        assertThat(unasked.json()).hasSize(7);
        assertThat(unasked.header("Link")).contains("limit=7&marker=");
    }

    @Test
    void corsAllowsGnocchisTestOrigin() {
        Reply allowed = admin.withHeader("Origin", "http://foobar.com").get("/v1/archive_policy");
        Reply other = admin.withHeader("Origin", "http://elsewhere.example").get("/v1/archive_policy");

        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("http://foobar.com");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    /** A proxy header that is no URI part was a NumberFormatException, a 500: now a 400. */
    @Test
    void malformedForwardedHeadersAreABadRequest() {
        assertThat(admin.withHeader("X-Forwarded-Host", "example.org:notaport")
                        .get("/v1/archive_policy")
                        .status())
                .isEqualTo(400);
        assertThat(admin.withHeader("X-Forwarded-Host", "example.org:8080")
                        .get("/v1/archive_policy")
                        .status())
                .isEqualTo(200);
    }
}
