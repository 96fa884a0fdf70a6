package io.meterflow.collector.meter.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/** The node kinds of a parsed expression; each finds its matches as jsonpath-rw does. */
final class PathNodes {

    private PathNodes() {}

    record Root() implements JsonPath {
        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            return List.of(root);
        }
    }

    record This() implements JsonPath {
        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            return List.of(current);
        }
    }

    /** One or more field names; {@code *} is every value of an object. Non-objects match nothing. */
    record Fields(List<String> names) implements JsonPath {
        Fields {
            names = List.copyOf(names);
        }

        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            if (!current.isObject()) {
                return List.of();
            }
            List<JsonNode> found = new ArrayList<>(names.size());
            for (String name : names) {
                if (name.equals("*")) {
                    current.elements().forEachRemaining(found::add);
                } else if (current.has(name)) {
                    found.add(current.get(name));
                }
            }
            return found;
        }
    }

    record Child(JsonPath left, JsonPath right) implements JsonPath {
        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode match : left.find(current, root)) {
                found.addAll(right.find(match, root));
            }
            return found;
        }
    }

    record Descendants(JsonPath left, JsonPath right) implements JsonPath {
        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode match : left.find(current, root)) {
                collect(match, root, found);
            }
            return found;
        }

        private void collect(JsonNode node, JsonNode root, List<JsonNode> found) {
            found.addAll(right.find(node, root));
            if (node.isContainerNode()) {
                for (JsonNode child : node) {
                    collect(child, root, found);
                }
            }
        }
    }

    record Union(JsonPath left, JsonPath right) implements JsonPath {
        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            List<JsonNode> found = new ArrayList<>(left.find(current, root));
            found.addAll(right.find(current, root));
            return found;
        }
    }

    record Where(JsonPath left, JsonPath right) implements JsonPath {
        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            return left.find(current, root).stream()
                    .filter(m -> !right.find(m, root).isEmpty())
                    .toList();
        }
    }

    record Index(int index) implements JsonPath {
        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            if (current.isArray() && index >= 0 && index < current.size()) {
                return List.of(current.get(index));
            }
            return List.of();
        }
    }

    /** {@code [*]}, {@code [1:3]}: a scalar or object counts as a one-element list, as in jsonpath-rw. */
    record Slice(Integer start, Integer end, Integer step) implements JsonPath {
        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            if (!current.isArray()) {
                return current.isNull() || current.isMissingNode() ? List.of() : List.of(current);
            }
            int size = current.size();
            int from = bound(start, 0, size);
            int to = bound(end, size, size);
            int by = step == null ? 1 : step;
            List<JsonNode> found = new ArrayList<>();
            for (int i = from; by > 0 ? i < to : i > to; i += by) {
                found.add(current.get(i));
            }
            return found;
        }

        private static int bound(Integer value, int fallback, int size) {
            if (value == null) {
                return fallback;
            }
            int v = value < 0 ? size + value : value;
            return Math.max(0, Math.min(size, v));
        }
    }

    /** {@code [?(@.name='x') & ...]}: the elements of a list for which every condition matches. */
    record Filter(List<Condition> conditions) implements JsonPath {
        Filter {
            conditions = List.copyOf(conditions);
        }

        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            if (!current.isArray()) {
                return List.of();
            }
            List<JsonNode> found = new ArrayList<>();
            for (JsonNode element : current) {
                if (conditions.stream().allMatch(c -> c.holds(element, root))) {
                    found.add(element);
                }
            }
            return found;
        }
    }

    /** A constant operand: a quoted string or number in arithmetic, or a bare number. */
    record Literal(JsonNode value) implements JsonPath {
        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            return List.of(value);
        }
    }

    /**
     * {@code left op right} as jsonpath-rw-ext computes it: paths on both sides pair their matches
     * one to one (different counts give nothing), any type error gives nothing at all.
     */
    record Arithmetic(JsonPath left, char operator, JsonPath right) implements JsonPath {
        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            List<JsonNode> lefts = left.find(current, root);
            List<JsonNode> rights = right.find(current, root);
            List<JsonNode> found = new ArrayList<>();
            if (left instanceof Literal && !(right instanceof Literal)) {
                for (JsonNode r : rights) {
                    JsonNode value = Arithmetics.apply(lefts.get(0), operator, r);
                    if (value == null) {
                        return List.of();
                    }
                    found.add(value);
                }
                return found;
            }
            if (right instanceof Literal && !(left instanceof Literal)) {
                for (JsonNode l : lefts) {
                    JsonNode value = Arithmetics.apply(l, operator, rights.get(0));
                    if (value == null) {
                        return List.of();
                    }
                    found.add(value);
                }
                return found;
            }
            if (lefts.isEmpty() || lefts.size() != rights.size()) {
                return List.of();
            }
            for (int i = 0; i < lefts.size(); i++) {
                JsonNode value = Arithmetics.apply(lefts.get(i), operator, rights.get(i));
                if (value == null) {
                    return List.of();
                }
                found.add(value);
            }
            return found;
        }
    }

    /** {@code `split(#, 0, 1)`}: Python's {@code str.split(sep, max)[segment]} on a string. */
    record Split(String separator, int segment, int maxSplit) implements JsonPath {
        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            if (!current.isTextual()) {
                return List.of();
            }
            List<String> parts = PythonStrings.split(current.textValue(), separator, maxSplit);
            int i = segment < 0 ? parts.size() + segment : segment;
            if (i < 0 || i >= parts.size()) {
                return List.of();
            }
            return List.of(TextNode.valueOf(parts.get(i)));
        }
    }

    /** {@code `len`}: the length of a list, string or object. */
    record Len() implements JsonPath {
        @Override
        public List<JsonNode> find(JsonNode current, JsonNode root) {
            if (current.isTextual()) {
                return List.of(IntNode.valueOf(current.textValue()
                        .codePointCount(0, current.textValue().length())));
            }
            if (current.isContainerNode()) {
                return List.of(IntNode.valueOf(current.size()));
            }
            return List.of();
        }
    }
}
