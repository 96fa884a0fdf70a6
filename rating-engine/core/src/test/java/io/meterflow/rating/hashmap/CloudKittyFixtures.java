package io.meterflow.rating.hashmap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.rating.dataframe.DataPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cases under {@code cloudkitty/} in the test resources: rules and usage in the shape of the
 * shared oracle {@code ck-rate.py}, and the prices CloudKitty 17's own hashmap gave for them
 * ({@code generate.py} there regenerates them).
 */
final class CloudKittyFixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudKittyFixtures() {}

    record RatedPoint(String scope, String type, String id, DataPoint point, BigDecimal expectedPrice) {}

    record Case(
            ServiceCatalog catalog, List<HashMapRule> rules, List<RatedPoint> points, Map<String, BigDecimal> totals) {}

    static Case load(String name) {
        JsonNode rules = read(name + "-rules.json");
        JsonNode usage = read(name + "-usage.json");
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        Map<String, BigDecimal> totals = new LinkedHashMap<>();
        for (String line : readText(name + "-expected.jsonl").split("\n")) {
            JsonNode row = readTree(line);
            if (row.has("total")) {
                totals.put(
                        row.get("scope").asText(),
                        new BigDecimal(row.get("total").asText()));
            } else {
                expected.put(
                        key(
                                row.get("scope").asText(),
                                row.get("type").asText(),
                                row.get("id").asText()),
                        new BigDecimal(row.get("price").asText()));
            }
        }
        List<RatedPoint> points = new ArrayList<>();
        usage.get("scopes")
                .fields()
                .forEachRemaining(scope -> scope.getValue().fields().forEachRemaining(type -> {
                    for (JsonNode p : type.getValue()) {
                        Map<String, Object> groupby = new LinkedHashMap<>();
                        groupby.put("id", p.get(0).asText());
                        groupby.put("project_id", scope.getKey());
                        @SuppressWarnings("unchecked")
                        Map<String, Object> metadata = JSON.convertValue(p.get(2), Map.class);
                        DataPoint point = DataPoint.unrated(
                                usage.get("units").get(type.getKey()).asText(),
                                new BigDecimal(p.get(1).asText()),
                                groupby,
                                metadata);
                        String id = p.get(0).asText();
                        points.add(new RatedPoint(
                                scope.getKey(),
                                type.getKey(),
                                id,
                                point,
                                expected.get(key(scope.getKey(), type.getKey(), id))));
                    }
                }));
        return new Case(catalog(rules), rules(rules), points, totals);
    }

    /** The services and fields of a rules file in the oracle's shape, in its order. */
    static ServiceCatalog catalog(JsonNode rules) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        rules.get("services").forEach(s -> fields.put(s.asText(), new ArrayList<>()));
        rules.path("fields")
                .forEach(f ->
                        fields.get(f.get("service").asText()).add(f.get("name").asText()));
        return new ServiceCatalog(fields);
    }

    /** The mappings, then the thresholds, of a rules file in the oracle's shape. */
    static List<HashMapRule> rules(JsonNode rules) {
        List<HashMapRule> parsed = new ArrayList<>();
        for (JsonNode m : rules.path("mappings")) {
            parsed.add(new HashMapRule.Mapping(
                    parent(m), text(m, "value"), text(m, "group"), text(m, "tenant_id"), price(m)));
        }
        for (JsonNode t : rules.path("thresholds")) {
            parsed.add(new HashMapRule.Threshold(
                    parent(t),
                    new BigDecimal(t.get("level").asText()),
                    text(t, "group"),
                    text(t, "tenant_id"),
                    price(t)));
        }
        return parsed;
    }

    private static String key(String scope, String type, String id) {
        return scope + "/" + type + "/" + id;
    }

    private static RuleParent parent(JsonNode rule) {
        if (rule.has("service")) {
            return new RuleParent.OfService(rule.get("service").asText());
        }
        String field = rule.get("field").asText();
        int dot = field.lastIndexOf('.');
        return new RuleParent.OfField(field.substring(0, dot), field.substring(dot + 1));
    }

    private static Price price(JsonNode rule) {
        return new Price(
                MapType.fromWireName(rule.get("type").asText()),
                new BigDecimal(rule.get("cost").asText()));
    }

    private static Optional<String> text(JsonNode node, String key) {
        return node.hasNonNull(key) ? Optional.of(node.get(key).asText()) : Optional.empty();
    }

    private static JsonNode read(String resource) {
        return readTree(readText(resource));
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readText(String resource) {
        try (InputStream in = CloudKittyFixtures.class.getResourceAsStream("cloudkitty/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("No fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
