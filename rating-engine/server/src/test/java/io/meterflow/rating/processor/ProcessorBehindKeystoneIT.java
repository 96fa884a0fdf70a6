package io.meterflow.rating.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dropwizard.testing.ConfigOverride;
import io.meterflow.gnocchiclient.GnocchiClient;
import io.meterflow.gnocchiclient.GnocchiConfig;
import io.meterflow.gnocchiclient.auth.KeystoneTokenAuth;
import io.meterflow.gnocchiclient.resource.ResourceQuery;
import io.meterflow.gnocchiclient.resource.ResourceSearch;
import io.meterflow.keystone.KeystoneSettings;
import io.meterflow.keystone.ServiceToken;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.KeystoneServer;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A cloud where every API sits behind Keystone: the time-series API refuses requests without a
 * token, so the rating processor signs in with the service's own credentials
 * ({@code processor.timeseriesAuth: keystone}) and collects and prices every due hour with its
 * token, as CloudKitty's collector does with its keystone_authtoken credentials; a service token
 * revoked before its expiry is replaced at the first 401, and the call sent again. Skipped without
 * a Keystone (METERFLOW_TEST_KEYSTONE_URL; .ci/run starts one).
 */
@RealServices
class ProcessorBehindKeystoneIT {

    private static final int HOURS = 3;

    private static KeystoneServer keystone;
    private static ApiFixture timeseries;
    private static RatingApiFixture rating;
    private static UsageScenario usage;
    private static PostgresDatabase database;
    private static Path scratch;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        keystone = KeystoneServer.fromEnvironment().orElse(null);
        assumeTrue(keystone != null, "no Keystone: set METERFLOW_TEST_KEYSTONE_URL (.ci/run starts one)");
        database = db;
        // The usage is written first, then the time-series API restarts behind Keystone.
        timeseries = ApiFixture.start(db);
        usage = UsageScenario.seed(timeseries.baseUri(), 2, 2, HOURS);
        timeseries.close();
        timeseries = ApiFixture.start(
                db,
                ConfigOverride.config("authMode", "keystone"),
                ConfigOverride.config("keystone.url", keystone.url()),
                ConfigOverride.config("keystone.user", keystone.adminUser()),
                ConfigOverride.config("keystone.password", keystone.adminPassword()),
                ConfigOverride.config("keystone.project", keystone.adminProject()),
                ConfigOverride.config("keystone.cacheSeconds", "1"));
        assertThat(timeseries.anonymous().get("/v1/resource/generic").status()).isEqualTo(401);

        rating = RatingApiFixture.start(db);
        assertThat(rating.put("/v1/rating/modules/hashmap", Map.of("module_id", "hashmap", "enabled", true))
                        .status())
                .isEqualTo(302);
        String service = rating.post("/v1/rating/module_config/hashmap/services", Map.of("name", "instance"))
                .json()
                .get("service_id")
                .asText();
        rating.post(
                "/v1/rating/module_config/hashmap/mappings",
                Map.of("service_id", service, "cost", "0.5", "type", "flat"));
        rating.close();

        scratch = Files.createTempDirectory("meterflow-rating-keystone-it");
        Map<String, String> settings = new HashMap<>();
        settings.put("processor.enabled", "true");
        settings.put("processor.timeseriesUrl", timeseries.baseUri().toString());
        settings.put("processor.timeseriesAuth", "keystone");
        settings.put("processor.fetcherResourceTypes", usage.resourceType());
        settings.put("processor.firstPeriod", usage.firstHour().toString());
        settings.put("processor.waitPeriods", "1");
        settings.put("processor.intervalSeconds", "1");
        settings.put("metricsFile", usage.writeMetricsFile(scratch).toString());
        settings.put("keystone.url", keystone.url());
        settings.put("keystone.user", keystone.adminUser());
        settings.put("keystone.password", keystone.adminPassword());
        settings.put("keystone.project", keystone.adminProject());
        rating = RatingApiFixture.start(db, settings);
    }

    @AfterAll
    static void stop() throws Exception {
        if (rating != null) {
            rating.close();
        }
        if (timeseries != null) {
            timeseries.close();
        }
        if (scratch != null) {
            RatedTables.deleteTree(scratch);
        }
        if (keystone != null) {
            keystone.close();
        }
    }

    @Test
    void aRevokedServiceTokenIsReplacedAtTheFirst401AndTheCallSentAgain() throws Exception {
        ServiceToken service = new ServiceToken(
                new KeystoneSettings(
                        URI.create(keystone.url()),
                        keystone.adminUser(),
                        keystone.adminPassword(),
                        keystone.adminProject(),
                        "Default",
                        Duration.ofSeconds(1)),
                HttpClient.newHttpClient(),
                Clock.systemUTC());
        // What the processor and the reports service build for processor.timeseriesAuth: keystone.
        GnocchiClient client = new GnocchiClient(
                GnocchiConfig.of(timeseries.baseUri(), new KeystoneTokenAuth(service::current, service::refused)));
        ResourceSearch everything = ResourceSearch.of(usage.resourceType(), ResourceQuery.all());
        assertThat(client.resources().search(everything)).isNotEmpty();

        String revoked = service.current();
        keystone.revoke(revoked);
        Thread.sleep(1_500); // past the time-series API's keystone.cacheSeconds

        assertThat(client.resources().search(everything)).isNotEmpty();
        assertThat(service.current()).as("signed in again").isNotEqualTo(revoked);
    }

    @Test
    void everyDueHourIsCollectedWithTheServicesOwnToken() throws Exception {
        Instant lastSure = usage.hour(HOURS - 2);
        RatedTables.waitFor(
                Duration.ofSeconds(90),
                () -> usage.projects().stream()
                        .allMatch(project -> RatedTables.lastProcessed(database, project)
                                .map(last -> !last.isBefore(lastSure))
                                .orElse(false)));
        for (String project : usage.projects()) {
            assertThat(RatedTables.count(
                            database,
                            "SELECT count(*) FROM rating_dataframes WHERE type = 'instance' AND project_id = '"
                                    + project + "'"))
                    .as("instance hours priced for %s", project)
                    .isPositive();
        }
    }
}
