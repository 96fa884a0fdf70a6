package io.meterflow.gnocchiclient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A condition of Gnocchi's JSON query language, e.g. {@code {"and": [{"=": {"project_id": "p"}},
 * {">=": {"started_at": "2026-01-01T00:00:00Z"}}]}}. The factories cover what usage reads need;
 * {@link #of(JsonNode)} takes any other condition as written. Immutable.
 */
public final class ResourceQuery {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode condition;

    private ResourceQuery(ObjectNode condition) {
        this.condition = condition;
    }

    /** Every resource: Gnocchi's empty condition. */
    public static ResourceQuery all() {
        return new ResourceQuery(NODES.objectNode());
    }

    /** Any condition of the query language, as JSON (copied). */
    public static ResourceQuery of(JsonNode condition) {
        if (condition == null || !condition.isObject()) {
            throw new IllegalArgumentException("a query is a JSON object, got " + condition);
        }
        return new ResourceQuery(((ObjectNode) condition).deepCopy());
    }

    public static ResourceQuery eq(String attribute, String value) {
        return compare("=", attribute, value == null ? NODES.nullNode() : NODES.textNode(value));
    }

    public static ResourceQuery eq(String attribute, long value) {
        return compare("=", attribute, NODES.numberNode(value));
    }

    public static ResourceQuery eq(String attribute, boolean value) {
        return compare("=", attribute, NODES.booleanNode(value));
    }

    public static ResourceQuery in(String attribute, Collection<String> values) {
        ArrayNode list = NODES.arrayNode();
        List.copyOf(values).forEach(list::add);
        return compare("in", attribute, list);
    }

    public static ResourceQuery atLeast(String attribute, String value) {
        return compare(">=", attribute, NODES.textNode(Objects.requireNonNull(value, "value")));
    }

    public static ResourceQuery atMost(String attribute, String value) {
        return compare("<=", attribute, NODES.textNode(Objects.requireNonNull(value, "value")));
    }

    public static ResourceQuery lessThan(String attribute, String value) {
        return compare("<", attribute, NODES.textNode(Objects.requireNonNull(value, "value")));
    }

    public static ResourceQuery projectId(String projectId) {
        return eq("project_id", projectId);
    }

    public static ResourceQuery startedAtOrAfter(Instant time) {
        return atLeast("started_at", Objects.requireNonNull(time, "time").toString());
    }

    public static ResourceQuery startedBefore(Instant time) {
        return lessThan("started_at", Objects.requireNonNull(time, "time").toString());
    }

    public static ResourceQuery startedAtOrBefore(Instant time) {
        return atMost("started_at", Objects.requireNonNull(time, "time").toString());
    }

    public static ResourceQuery endedAtOrAfter(Instant time) {
        return atLeast("ended_at", Objects.requireNonNull(time, "time").toString());
    }

    public static ResourceQuery endedBefore(Instant time) {
        return lessThan("ended_at", Objects.requireNonNull(time, "time").toString());
    }

    /** Still running: no {@code ended_at}. */
    public static ResourceQuery notEnded() {
        return compare("=", "ended_at", NODES.nullNode());
    }

    public static ResourceQuery and(ResourceQuery... conditions) {
        return combine("and", conditions);
    }

    public static ResourceQuery or(ResourceQuery... conditions) {
        return combine("or", conditions);
    }

    /** This condition and {@code other}. */
    public ResourceQuery and(ResourceQuery other) {
        return and(this, other);
    }

    /** The condition as JSON (a copy). */
    public ObjectNode toJson() {
        return condition.deepCopy();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceQuery query && query.condition.equals(condition);
    }

    @Override
    public int hashCode() {
        return condition.hashCode();
    }

    @Override
    public String toString() {
        return condition.toString();
    }

    private static ResourceQuery compare(String operator, String attribute, JsonNode value) {
        if (attribute == null || attribute.isBlank()) {
            throw new IllegalArgumentException("attribute name must not be blank");
        }
        ObjectNode condition = NODES.objectNode();
        condition.putObject(operator).set(attribute, value);
        return new ResourceQuery(condition);
    }

    private static ResourceQuery combine(String operator, ResourceQuery... conditions) {
        if (conditions.length == 0) {
            throw new IllegalArgumentException("'" + operator + "' needs at least one condition");
        }
        ObjectNode condition = NODES.objectNode();
        ArrayNode operands = condition.putArray(operator);
        for (ResourceQuery operand : conditions) {
            operands.add(Objects.requireNonNull(operand, "condition").toJson());
        }
        return new ResourceQuery(condition);
    }
}
