package io.meterflow.rating.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.dataframe.DataPoint;
import io.meterflow.rating.hashmap.HashMapRuleBook;
import io.meterflow.rating.hashmap.HashMapStore;
import io.meterflow.rating.hashmap.PythonText;
import io.meterflow.rating.hashmap.UnratableFieldException;
import io.meterflow.rating.modules.RatingModules;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /v1/rating/quote}: what the described resources would cost, priced now by the
 * enabled hashmap module (CloudKitty 17 forwards this to its processor over RPC, and breaks).
 * Each resource is priced as the project named in its description ({@code desc.groupby.project_id}
 * or {@code desc.project_id}), so that project's own rules apply. The answer is the total as a
 * decimal string, as CloudKitty's processor returns it.
 */
@Path("/v1/rating/quote")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class QuoteResource {

    private final HashMapStore hashmap;
    private final RatingModules modules;
    private final String scopeKey;

    public QuoteResource(HashMapStore hashmap, RatingModules modules, String scopeKey) {
        this.hashmap = hashmap;
        this.modules = modules;
        this.scopeKey = scopeKey;
    }

    @POST
    public TextNode quote(JsonNode body) {
        JsonNode resources = body == null ? null : body.get("resources");
        if (resources == null || !resources.isArray()) {
            throw CloudKittyError.badRequest(
                    "Invalid input for field/attribute resources. Value: 'None'. Mandatory field missing.");
        }
        HashMapRuleBook rules = modules.isEnabled(RatingModules.HASHMAP) ? HashMapRuleBook.load(hashmap) : null;
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode resource : resources) {
            String service = resource.path("service").asText(null);
            if (service == null) {
                throw CloudKittyError.badRequest(
                        "Invalid input for field/attribute service. Value: 'None'. Mandatory field missing.");
            }
            BigDecimal volume = volume(resource.get("volume"));
            DataPoint point = point(resource.path("desc"), volume);
            if (rules != null) {
                Optional<String> project =
                        Optional.ofNullable(point.groupby().get(scopeKey)).map(Object::toString);
                try {
                    total = total.add(rules.raterFor(project, Instant.now())
                            .rate(service, point)
                            .price());
                } catch (UnratableFieldException e) {
                    throw CloudKittyError.badRequest(e.getMessage());
                }
            }
        }
        return TextNode.valueOf(total.toPlainString());
    }

    private static BigDecimal volume(JsonNode volume) {
        if (volume == null || volume.isNull()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(volume.asText().trim());
        } catch (NumberFormatException e) {
            throw CloudKittyError.badRequest("Invalid input for field/attribute volume. Value: '" + volume.asText()
                    + "'. Invalid decimal value");
        }
    }

    /** The v2 form ({@code groupby} and {@code metadata}) or the flat v1 form of a description. */
    private static DataPoint point(JsonNode desc, BigDecimal volume) {
        Map<String, Object> groupby = new LinkedHashMap<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (desc.has("groupby") || desc.has("metadata")) {
            copy(desc.path("groupby"), groupby);
            copy(desc.path("metadata"), metadata);
        } else {
            copy(desc, groupby);
        }
        return DataPoint.unrated("undef", volume, groupby, metadata);
    }

    /** Values as rules compare them: numbers keep their JSON kind (2 is not 2.0), as in CloudKitty. */
    private static void copy(JsonNode from, Map<String, Object> to) {
        from.properties().forEach(e -> {
            JsonNode value = e.getValue();
            Object plain;
            if (value.isTextual()) {
                plain = value.asText();
            } else if (value.isBoolean()) {
                plain = value.booleanValue();
            } else if (value.isIntegralNumber()) {
                plain = value.canConvertToInt() ? (Object) value.intValue() : value.bigIntegerValue();
            } else if (value.isNumber()) {
                plain = value.doubleValue();
            } else if (value.isNull()) {
                plain = null;
            } else {
                plain = PythonText.str(value.toString());
            }
            to.put(e.getKey(), plain);
        });
    }
}
