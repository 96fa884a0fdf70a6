package io.meterflow.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.demo.pricing.DemoPriceList.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the demo price list into the rating engine through CloudKitty's v1 hashmap API, skipping
 * every service, field and mapping that is there already, so it can run at every start. The rules
 * get no validity window: a rule without {@code start} prices every period, the history's too.
 */
public final class PriceListSeeder {

    private static final Logger LOG = LoggerFactory.getLogger(PriceListSeeder.class);
    private static final String HASHMAP = "v1/rating/module_config/hashmap/";

    private final ServiceClient rating;

    public PriceListSeeder(ServiceClient rating) {
        this.rating = rating;
    }

    /** Returns how many mappings it created (0 when the price list was complete). */
    public int seed(List<Rule> rules) throws InterruptedException {
        enableHashmap();
        int created = 0;
        for (Rule rule : rules) {
            String serviceId = ensureService(rule.service());
            Optional<String> fieldId = rule.field().isPresent()
                    ? Optional.of(ensureField(serviceId, rule.field().get()))
                    : Optional.empty();
            if (!mappingExists(serviceId, fieldId, rule)) {
                Map<String, Object> body = new LinkedHashMap<>();
                fieldId.ifPresentOrElse(id -> body.put("field_id", id), () -> body.put("service_id", serviceId));
                if (fieldId.isPresent()) {
                    body.put("value", rule.value());
                }
                body.put("type", "flat");
                body.put("cost", rule.cost().toPlainString());
                rating.post(HASHMAP + "mappings", body).orThrow("creating the hashmap mapping " + describe(rule));
                created++;
            }
        }
        LOG.info("demo price list: {} mapping(s) created, {} present", created, rules.size() - created);
        return created;
    }

    private void enableHashmap() throws InterruptedException {
        JsonNode module = rating.get("v1/rating/modules/hashmap").orThrow("reading the hashmap module");
        if (!module.path("enabled").asBoolean(false)) {
            rating.put("v2/rating/modules/hashmap", Map.of("enabled", true)).orThrow("enabling the hashmap module");
        }
    }

    private String ensureService(String name) throws InterruptedException {
        for (JsonNode service : rating.get(HASHMAP + "services")
                .orThrow("listing hashmap services")
                .path("services")) {
            if (service.path("name").asText().equals(name)) {
                return service.path("service_id").asText();
            }
        }
        return rating.post(HASHMAP + "services", Map.of("name", name))
                .orThrow("creating the hashmap service " + name)
                .path("service_id")
                .asText();
    }

    private String ensureField(String serviceId, String name) throws InterruptedException {
        for (JsonNode field : rating.get(HASHMAP + "fields?service_id=" + serviceId)
                .orThrow("listing hashmap fields")
                .path("fields")) {
            if (field.path("name").asText().equals(name)) {
                return field.path("field_id").asText();
            }
        }
        return rating.post(HASHMAP + "fields", Map.of("service_id", serviceId, "name", name))
                .orThrow("creating the hashmap field " + name)
                .path("field_id")
                .asText();
    }

    private boolean mappingExists(String serviceId, Optional<String> fieldId, Rule rule) throws InterruptedException {
        String query = fieldId.map(id -> "field_id=" + id).orElse("service_id=" + serviceId);
        for (JsonNode mapping : rating.get(HASHMAP + "mappings?" + query)
                .orThrow("listing hashmap mappings")
                .path("mappings")) {
            // An operator who changed a demo price keeps the change: any mapping of the value counts.
            if (fieldId.isEmpty() || mapping.path("value").asText().equals(rule.value())) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Rule rule) {
        return rule.service()
                + rule.field().map(f -> "/" + f + "=" + rule.value()).orElse("") + " flat "
                + rule.cost().toPlainString();
    }
}
