package io.meterflow.gnocchiclient.aggregates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.gnocchiclient.error.GnocchiResponseException;
import io.meterflow.gnocchiclient.measure.Measure;
import io.meterflow.gnocchiclient.measure.MeasuresJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads /v1/aggregates answers; pure. Ungrouped: {@code {"measures": {...}, "references": [...]}};
 * grouped: {@code [{"group": {...}, "measures": <the ungrouped form>}, ...]}.
 */
final class AggregatesJson {

    private AggregatesJson() {}

    static AggregatesResult read(JsonNode answer, boolean grouped) {
        if (!grouped) {
            return new AggregatesResult(false, List.of(new AggregatesGroup(Map.of(), measures(answer))));
        }
        if (!answer.isArray()) {
            throw new GnocchiResponseException("expected a list of groups, got " + answer.getNodeType());
        }
        List<AggregatesGroup> groups = new ArrayList<>();
        for (JsonNode group : answer) {
            groups.add(new AggregatesGroup(groupValues(group.path("group")), measures(group.path("measures"))));
        }
        return new AggregatesResult(true, groups);
    }

    private static AggregatedMeasures measures(JsonNode answer) {
        if (!answer.isObject() || !answer.has("measures")) {
            throw new GnocchiResponseException("expected {\"measures\": ...}, got " + answer.getNodeType());
        }
        Map<String, List<Measure>> series = new LinkedHashMap<>();
        collect("", answer.get("measures"), series);
        List<ObjectNode> references = new ArrayList<>();
        answer.path("references").forEach(reference -> {
            if (reference.isObject()) {
                references.add((ObjectNode) reference);
            }
        });
        return new AggregatedMeasures(series, references);
    }

    /** Walks nested objects down to the point lists, naming each by its path. */
    private static void collect(String path, JsonNode node, Map<String, List<Measure>> into) {
        if (node.isArray()) {
            into.put(path, MeasuresJson.points(node));
        } else if (node.isObject()) {
            node.properties()
                    .forEach(entry -> collect(
                            path.isEmpty() ? entry.getKey() : path + "/" + entry.getKey(), entry.getValue(), into));
        } else {
            throw new GnocchiResponseException("unexpected " + node.getNodeType() + " in series '" + path + "'");
        }
    }

    private static Map<String, String> groupValues(JsonNode group) {
        if (!group.isObject()) {
            throw new GnocchiResponseException("expected a group object, got " + group.getNodeType());
        }
        Map<String, String> values = new LinkedHashMap<>();
        group.properties().forEach(entry -> {
            if (!entry.getValue().isNull()) {
                values.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return values;
    }
}
