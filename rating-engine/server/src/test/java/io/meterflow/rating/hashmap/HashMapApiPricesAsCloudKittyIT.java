package io.meterflow.rating.hashmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.rating.RatingApiFixture.Reply;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hashmap configured through the v1 API on a real PostgreSQL prices every point of CloudKitty
 * 17's fixtures exactly as CloudKitty's own code did (the answers ck-rate.py recorded, committed in
 * the core module): services, fields, groups, flat and rate mappings, thresholds, project-specific
 * rules, all stored and read back through the database and priced by {@code /v1/rating/quote}.
 */
@RealServices
class HashMapApiPricesAsCloudKittyIT {

    private static final Path FIXTURES = Path.of("../core/src/test/resources/io/meterflow/rating/hashmap/cloudkitty");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HASHMAP = "/v1/rating/module_config/hashmap/";

    private static RatingApiFixture api;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = RatingApiFixture.start(db);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void handwrittenCasesPriceAsCloudKitty() throws IOException {
        assertPricesOf("handwritten");
    }

    @Test
    void randomCasesPriceAsCloudKitty() throws IOException {
        assertPricesOf("random");
    }

    private void assertPricesOf(String fixture) throws IOException {
        resetHashMap();
        configure(JSON.readTree(FIXTURES.resolve(fixture + "-rules.json").toFile()));
        assertThat(api.put("/v1/rating/modules/hashmap", Map.of("module_id", "hashmap", "enabled", true))
                        .status())
                .isEqualTo(302);

        Map<String, BigDecimal> expected = new HashMap<>();
        for (String line : java.nio.file.Files.readAllLines(FIXTURES.resolve(fixture + "-expected.jsonl"))) {
            JsonNode row = JSON.readTree(line);
            if (row.has("price")) {
                expected.put(
                        row.get("scope").asText() + "/" + row.get("type").asText() + "/"
                                + row.get("id").asText(),
                        new BigDecimal(row.get("price").asText()));
            }
        }
        JsonNode usage = JSON.readTree(FIXTURES.resolve(fixture + "-usage.json").toFile());
        int priced = 0;
        for (var scope : iterable(usage.get("scopes"))) {
            for (var type : iterable(scope.getValue())) {
                for (JsonNode point : type.getValue()) {
                    String key = scope.getKey() + "/" + type.getKey() + "/"
                            + point.get(0).asText();
                    if (!expected.containsKey(key)) {
                        continue; // CloudKitty refused the point (a threshold field that is no number)
                    }
                    Map<String, Object> desc = new LinkedHashMap<>();
                    desc.put("groupby", Map.of("id", point.get(0).asText(), "project_id", scope.getKey()));
                    desc.put("metadata", point.get(2));
                    Map<String, Object> resource = new LinkedHashMap<>();
                    resource.put("service", type.getKey());
                    resource.put("volume", point.get(1).asText());
                    resource.put("desc", desc);
                    Reply quote = api.post("/v1/rating/quote", Map.of("resources", List.of(resource)));
                    assertThat(quote.status()).as("%s: %s", key, quote).isEqualTo(200);
                    assertThat(new BigDecimal(quote.json().asText())).as(key).isEqualByComparingTo(expected.get(key));
                    priced++;
                }
            }
        }
        assertThat(priced).isGreaterThan(20);
    }

    private static void resetHashMap() {
        for (JsonNode service : api.get(HASHMAP + "services").json().get("services")) {
            api.delete(HASHMAP + "services/" + service.get("service_id").asText());
        }
        for (JsonNode group : api.get(HASHMAP + "groups").json().get("groups")) {
            api.delete(HASHMAP + "groups/" + group.get("group_id").asText() + "?recursive=true");
        }
    }

    /** Creates the fixture's rules through the API, in the fixture's (creation) order. */
    private static void configure(JsonNode rules) {
        Map<String, String> services = new HashMap<>();
        for (JsonNode name : rules.get("services")) {
            services.put(name.asText(), created(HASHMAP + "services", Map.of("name", name.asText()), "service_id"));
        }
        Map<String, String> fields = new HashMap<>();
        for (JsonNode field : rules.get("fields")) {
            String service = field.get("service").asText();
            fields.put(
                    service + "." + field.get("name").asText(),
                    created(
                            HASHMAP + "fields",
                            Map.of(
                                    "service_id",
                                    services.get(service),
                                    "name",
                                    field.get("name").asText()),
                            "field_id"));
        }
        Map<String, String> groups = new HashMap<>();
        for (JsonNode name : rules.get("groups")) {
            groups.put(name.asText(), created(HASHMAP + "groups", Map.of("name", name.asText()), "group_id"));
        }
        List<JsonNode> ordered = new ArrayList<>();
        rules.get("mappings").forEach(ordered::add);
        for (JsonNode mapping : ordered) {
            Map<String, Object> body = rule(mapping, services, fields, groups);
            if (mapping.has("value")) {
                body.put("value", mapping.get("value").asText());
            }
            created(HASHMAP + "mappings", body, "mapping_id");
        }
        for (JsonNode threshold : rules.get("thresholds")) {
            Map<String, Object> body = rule(threshold, services, fields, groups);
            body.put("level", threshold.get("level").asText());
            created(HASHMAP + "thresholds", body, "threshold_id");
        }
    }

    private static Map<String, Object> rule(
            JsonNode rule, Map<String, String> services, Map<String, String> fields, Map<String, String> groups) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (rule.has("service")) {
            body.put("service_id", services.get(rule.get("service").asText()));
        } else {
            body.put("field_id", fields.get(rule.get("field").asText()));
        }
        body.put("type", rule.get("type").asText());
        body.put("cost", rule.get("cost").asText());
        if (rule.has("group")) {
            body.put("group_id", groups.get(rule.get("group").asText()));
        }
        if (rule.has("tenant_id")) {
            body.put("tenant_id", rule.get("tenant_id").asText());
        }
        return body;
    }

    private static String created(String path, Map<String, ?> body, String idKey) {
        Reply reply = api.post(path, body);
        assertThat(reply.status()).as("%s %s: %s", path, body, reply).isEqualTo(201);
        return reply.json().get(idKey).asText();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }
}
