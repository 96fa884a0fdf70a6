package io.meterflow.rating;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.rating.usage.InvalidMetricsConfigurationException;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input is refused whole, with a message naming what is wrong, and leaves what is stored as it
 * was: a metrics.yml or a policy file with mistakes stops the service before it serves anything;
 * rules the API refuses answer CloudKitty's error shape and store nothing.
 */
@RealServices
class BadInputIT {

    private static final String HASHMAP = "/v1/rating/module_config/hashmap/";

    @Test
    void aMetricsFileWithMistakesStopsTheServiceNamingEachOne(PostgresDatabase db) throws Exception {
        Path broken = Files.createTempFile("metrics-broken", ".yml");
        try {
            Files.writeString(broken, """
                    metrics:
                      cpu:
                        unit: instance
                        mutate: SOMETIMES
                        extra_args:
                          aggregation_method: max
                      volume.size:
                        factor: 1/0
                        extra_args:
                          resource_type: volume
                    """);
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                    () -> RatingApiFixture.start(db, Map.of("metricsFile", broken.toString())));
            while (refused != null && !(refused instanceof InvalidMetricsConfigurationException)) {
                refused = refused.getCause();
            }
            assertThat(refused)
                    .as("the start failed on the metrics configuration")
                    .isInstanceOf(InvalidMetricsConfigurationException.class)
                    .hasMessageContaining("cpu")
                    .hasMessageContaining("mutate")
                    .hasMessageContaining("resource_type")
                    .hasMessageContaining("volume.size")
                    .hasMessageContaining("unit");
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void aPolicyFileWithAMalformedRuleStopsTheServiceNamingTheRule(PostgresDatabase db) throws Exception {
        Path broken = Files.createTempFile("policy-broken", ".yaml");
        try {
            Files.writeString(broken, """
                    "summary:get_summary": "role:reader or"
                    """);
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> RatingApiFixture.start(
                    db,
                    // A password, so the start gets past the settings to the policy file.
                    Map.of("authMode", "keystone", "keystone.password", "unused", "policyFile", broken.toString())));
            while (refused != null && !(refused instanceof IllegalArgumentException)) {
                refused = refused.getCause();
            }
            assertThat(refused)
                    .as("the start failed on the policy file")
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("summary:get_summary");
        } finally {
            Files.delete(broken);
        }
    }

    @Test
    void rulesTheApiRefusesAnswerCloudKittysShapeAndStoreNothing(PostgresDatabase db) throws Exception {
        try (RatingApiFixture api = RatingApiFixture.start(db)) {
            String service = api.post(HASHMAP + "services", Map.of("name", "bad-input-volume"))
                    .json()
                    .get("service_id")
                    .asText();
            api.post(HASHMAP + "mappings", Map.of("service_id", service, "cost", "0.5", "type", "flat"));
            String before = api.get(HASHMAP + "mappings?service_id=" + service).body();

            RatingApiFixture.Reply notANumber =
                    api.post(HASHMAP + "mappings", Map.of("service_id", service, "cost", "cheap", "type", "flat"));
            RatingApiFixture.Reply noSuchType =
                    api.post(HASHMAP + "mappings", Map.of("service_id", service, "cost", "1", "type", "tiered"));
            RatingApiFixture.Reply twoParents = api.post(
                    HASHMAP + "thresholds",
                    Map.of("service_id", service, "field_id", service, "level", "1", "cost", "1", "type", "flat"));

            for (RatingApiFixture.Reply refused : java.util.List.of(notANumber, noSuchType, twoParents)) {
                assertThat(refused.status()).as(refused.body()).isBetween(400, 499);
                assertThat(refused.json().has("faultstring")).as(refused.body()).isTrue();
            }
            assertThat(notANumber.json().get("faultstring").asText()).contains("cost");
            assertThat(noSuchType.json().get("faultstring").asText()).contains("type");
            assertThat(api.get(HASHMAP + "mappings?service_id=" + service).body())
                    .isEqualTo(before);
            assertThat(api.get(HASHMAP + "thresholds?service_id=" + service)
                            .json()
                            .get("thresholds"))
                    .isEmpty();
        }
    }
}
