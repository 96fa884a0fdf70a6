package io.meterflow.timeseries.resourcetype;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One typed attribute of a resource type: how a value is validated and normalised before it is
 * stored, how the attribute is described in the API, and how SQL reads it back for comparisons.
 * One record per Gnocchi attribute type.
 */
public sealed interface AttributeSchema
        permits StringAttribute, UuidAttribute, NumberAttribute, BoolAttribute, DatetimeAttribute {

    String name();

    boolean required();

    /** Gnocchi's type name: string, uuid, number, bool, datetime. */
    String typeName();

    /**
     * The value as stored in the row's JSONB attributes; throws {@link InvalidAttributeValue}
     * with voluptuous' reason (without the "for dictionary value" suffix).
     */
    JsonNode normalize(JsonNode value);

    /** The type-specific keys of the attribute's description ({@code min_length}, {@code max}...). */
    Map<String, Object> options();

    /**
     * The SQL expression reading this attribute from {@code alias.attributes}, typed so that
     * comparisons order values correctly; the per-type expression indexes use the same text.
     */
    default String sqlExpression(String alias) {
        return "(" + alias + ".attributes->>'" + name().replace("'", "''") + "')";
    }

    /** The copy of this attribute with another {@code required} flag. */
    AttributeSchema withRequired(boolean required);

    /** A value that violates the attribute's schema; the message is voluptuous' reason. */
    final class InvalidAttributeValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidAttributeValue(String reason) {
            super(reason);
        }
    }
}
