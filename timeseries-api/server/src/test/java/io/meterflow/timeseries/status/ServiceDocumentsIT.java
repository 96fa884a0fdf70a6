package io.meterflow.timeseries.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The documents clients discover the API with, the status page and the load balancer's health check. */
@RealServices
class ServiceDocumentsIT {

    private static ApiFixture api;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void rootListsVersionOneWithoutAuthentication() {
        Reply reply = api.anonymous().get("/");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode version = reply.json().get("versions").get(0);
        assertThat(reply.json().get("build").asText())
                .as("a Gnocchi release, as ceilometer-upgrade compares it")
                .isEqualTo("4.4.2");
        assertThat(version.get("id").asText()).isEqualTo("v1.0");
        assertThat(version.get("status").asText()).isEqualTo("CURRENT");
        assertThat(version.get("updated").asText()).isEqualTo("2015-03-19");
        assertThat(version.get("links").get(0).get("rel").asText()).isEqualTo("self");
        assertThat(version.get("links").get(0).get("href").asText()).isEqualTo(api.baseUri() + "/v1/");
    }

    @Test
    void versionOneDocumentLinksEverySubApiUnderV1() {
        Reply reply = api.anonymous().get("/v1/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("version").asText()).isEqualTo("1.0");
        List<String> rels = new ArrayList<>();
        List<String> hrefs = new ArrayList<>();
        reply.json().get("links").forEach(link -> {
            rels.add(link.get("rel").asText());
            hrefs.add(link.get("href").asText());
        });
        assertThat(rels)
                .containsExactly(
                        "self",
                        "aggregates",
                        "aggregation",
                        "archive_policy",
                        "archive_policy_rule",
                        "batch",
                        "capabilities",
                        "influxdb",
                        "metric",
                        "resource",
                        "resource_type",
                        "search",
                        "status");
        String v1 = api.baseUri() + "/v1";
        assertThat(hrefs.get(0)).isEqualTo(v1);
        assertThat(hrefs.subList(1, hrefs.size()))
                .allSatisfy(href -> assertThat(href).startsWith(v1 + "/"));
        assertThat(hrefs).contains(v1 + "/metric", v1 + "/archive_policy");
    }

    @Test
    void versionOneWithoutTrailingSlashLeadsToTheSameDocument() {
        Reply reply = api.anonymous().get("/v1");

        if (reply.status() == 302) {
            assertThat(reply.header("Location")).endsWith("/v1/");
        } else {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("version").asText()).isEqualTo("1.0");
        }
    }

    @Test
    void capabilitiesListEveryAggregationMethodWithoutAuthentication() {
        Reply reply = api.anonymous().get("/v1/capabilities");

        assertThat(reply.status()).isEqualTo(200);
        List<String> methods = new ArrayList<>();
        reply.json().get("aggregation_methods").forEach(method -> methods.add(method.asText()));
        assertThat(methods)
                .hasSize(216)
                .doesNotHaveDuplicates()
                .contains(
                        "mean",
                        "sum",
                        "last",
                        "max",
                        "min",
                        "std",
                        "median",
                        "first",
                        "count",
                        "1pct",
                        "99pct",
                        "rate:mean",
                        "rate:99pct")
                .doesNotContain("*", "0pct", "100pct", "+mean", "-mean");
    }

    @Test
    void statusShowsAnEmptyBacklogAndThisProcessToAdmins() {
        Reply reply = api.admin().get("/v1/status");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode storage = reply.json().get("storage");
        assertThat(storage.get("summary").get("metrics").asInt()).isZero();
        assertThat(storage.get("summary").get("measures").asInt()).isZero();
        assertThat(storage.get("measures_to_process").size()).isZero();
        JsonNode metricd = reply.json().get("metricd");
        assertThat(metricd.get("processors")).hasSize(1);
        assertThat(metricd.get("statistics")
                        .has(metricd.get("processors").get(0).asText()))
                .isTrue();
    }

    @Test
    void statusWithoutDetailsLeavesOutTheMeasuresToProcess() {
        Reply reply = api.admin().get("/v1/status?details=false");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("storage").has("measures_to_process")).isFalse();
        assertThat(reply.json().get("storage").has("summary")).isTrue();
    }

    @Test
    void statusIsForAdminsOnly() {
        assertThat(api.user("foobar").get("/v1/status").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/v1/status").status()).isEqualTo(401);
        assertThat(api.admin().get("/v1/status?details=maybe").description().asText())
                .isEqualTo("Unable to parse `details': invalid truth value 'maybe'");
    }

    @Test
    void healthcheckAnswersWithoutAuthenticationWhileTheDatabaseIsUp() {
        Reply get = api.anonymous().withHeader("Accept", "*/*").get("/healthcheck");
        Reply head = api.anonymous().withHeader("Accept", "*/*").send("HEAD", "/healthcheck", null, null);

        assertThat(get.status()).isEqualTo(200);
        assertThat(get.header("Content-Type")).startsWith("text/plain");
        assertThat(get.body()).isEmpty(); // as oslo.middleware's healthcheck
        assertThat(head.status()).isEqualTo(204);
    }

    @Test
    void unknownRouteIsNotFoundInGnocchisErrorShape() {
        Reply reply = api.admin().get("/v1/nothing-here");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().get("code").asInt()).isEqualTo(404);
        assertThat(reply.json().get("title").asText()).isEqualTo("Not Found");
    }

    @Test
    void gnocchisJsonQuirksStayInTheApiAndOutOfTheEnvironmentsMapper() throws Exception {
        Reply reply = api.admin().get("/v1/archive_policy");

        assertThat(reply.body()).as("Python's separators").contains("\": ");
        assertThat(api.environmentObjectMapper().writeValueAsString(java.util.List.of(Double.NaN, 1)))
                .as("the process's other JSON (admin pages, another service) keeps standard JSON")
                .isEqualTo("[\"NaN\",1]");
    }
}
