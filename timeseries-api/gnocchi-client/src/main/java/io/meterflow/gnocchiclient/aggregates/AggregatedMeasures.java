package io.meterflow.gnocchiclient.aggregates;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.gnocchiclient.measure.Measure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The series one aggregation produced, by name. Gnocchi nests them by what they come from; the
 * names here are those paths joined with {@code /}: {@code aggregated} for an {@code (aggregate ...)},
 * {@code <metric id>/<aggregation>} for metrics by id, {@code <resource id>/<metric name>/<aggregation>}
 * for metrics of searched resources.
 *
 * @param series     series name → points, in Gnocchi's order
 * @param references with details, the metrics or resources used, as Gnocchi describes them; else empty
 */
public record AggregatedMeasures(Map<String, List<Measure>> series, List<ObjectNode> references) {

    public AggregatedMeasures {
        Map<String, List<Measure>> copy = new LinkedHashMap<>();
        series.forEach((name, points) -> copy.put(name, List.copyOf(points)));
        series = Collections.unmodifiableMap(copy);
        references = references.stream().map(ObjectNode::deepCopy).toList();
    }

    /** The points of series {@code name}; an empty series is an empty list. */
    public List<Measure> points(String name) {
        List<Measure> points = series.get(name);
        if (points == null) {
            throw new NoSuchElementException("no series '" + name + "'; there are " + series.keySet());
        }
        return points;
    }

    /** The points of the series named by {@code path}, e.g. {@code points(metricId, "mean")}. */
    public List<Measure> points(String first, String... more) {
        return points(more.length == 0 ? first : first + "/" + String.join("/", more));
    }

    /** The {@code id} of each reference: the resources or metrics aggregated. */
    public List<String> referencedIds() {
        return references.stream()
                .map(reference -> reference.path("id").asText())
                .toList();
    }

    /** Copies: the record stays immutable. */
    @Override
    public List<ObjectNode> references() {
        return references.stream().map(ObjectNode::deepCopy).toList();
    }
}
