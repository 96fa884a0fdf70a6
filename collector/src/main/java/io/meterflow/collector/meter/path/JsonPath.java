package io.meterflow.collector.meter.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A compiled JSONPath expression with jsonpath-rw and jsonpath-rw-ext semantics, the dialect of
 * Ceilometer's meters.yaml. {@link #find} returns every match, JSON nulls included, in document
 * order; callers decide whether a null counts as "no value" as Ceilometer does.
 */
public sealed interface JsonPath
        permits PathNodes.Root,
                PathNodes.This,
                PathNodes.Fields,
                PathNodes.Child,
                PathNodes.Descendants,
                PathNodes.Union,
                PathNodes.Where,
                PathNodes.Index,
                PathNodes.Slice,
                PathNodes.Filter,
                PathNodes.Literal,
                PathNodes.Arithmetic,
                PathNodes.Split,
                PathNodes.Len {

    List<JsonNode> find(JsonNode current, JsonNode root);

    default List<JsonNode> find(JsonNode document) {
        return find(document, document);
    }

    static JsonPath parse(String expression) {
        return new PathParser(expression).parse();
    }
}
