package io.meterflow.rating.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * A v1 request body read attribute by attribute as WSME reads CloudKitty's data models, with
 * WSME's messages on a wrong attribute ("Invalid input for field/attribute type. Value: 'fail'.
 * Value should be one of: flat, rate").
 */
public final class WsmeBody {

    private final JsonNode body;

    private WsmeBody(JsonNode body) {
        this.body = body;
    }

    public static WsmeBody of(JsonNode body) {
        if (body != null && !body.isNull() && !body.isObject()) {
            throw CloudKittyError.badRequest("Invalid data: the body must be a JSON object");
        }
        return new WsmeBody(body == null ? NullNode.getInstance() : body);
    }

    public boolean has(String attribute) {
        return body.has(attribute) && !body.get(attribute).isNull();
    }

    /** A text attribute; {@code absent} when it is missing or null. */
    public String text(String attribute, String absent) {
        JsonNode value = body.get(attribute);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isTextual()) {
            throw invalid(
                    attribute,
                    value.toString(),
                    "Wrong type. Expected '<class 'str'>', got '" + pythonType(value) + "'");
        }
        return value.asText();
    }

    public String mandatoryText(String attribute) {
        String value = text(attribute, null);
        if (value == null) {
            throw missing(attribute);
        }
        return value;
    }

    /** A decimal given as a JSON number or a numeric string, exactly as written. */
    public BigDecimal decimal(String attribute, BigDecimal absent) {
        JsonNode value = body.get(attribute);
        if (value == null || value.isNull()) {
            return absent;
        }
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isTextual()) {
                return new BigDecimal(value.asText().trim());
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw invalid(attribute, value.asText(), "Invalid decimal value");
    }

    public BigDecimal mandatoryDecimal(String attribute) {
        BigDecimal value = decimal(attribute, null);
        if (value == null) {
            throw missing(attribute);
        }
        return value;
    }

    /** One of {@code allowed}; the JSON name is {@code attribute}. */
    public String oneOf(String attribute, List<String> allowed, String absent) {
        String value = text(attribute, absent);
        if (value != null && !allowed.contains(value)) {
            throw invalid(attribute, value, "Value should be one of: " + String.join(", ", allowed));
        }
        return value;
    }

    public Boolean bool(String attribute) {
        JsonNode value = body.get(attribute);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual()) {
            String text = value.asText().toLowerCase(java.util.Locale.ROOT);
            if (List.of("true", "1", "yes", "on", "y", "t").contains(text)) {
                return true;
            }
            if (List.of("false", "0", "no", "off", "n", "f").contains(text)) {
                return false;
            }
        }
        if (value.isInt()) {
            return value.intValue() != 0;
        }
        throw invalid(attribute, value.asText(), "Value should be a boolean");
    }

    public Integer integer(String attribute) {
        JsonNode value = body.get(attribute);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.canConvertToInt() && value.isIntegralNumber()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.asText().trim());
            } catch (NumberFormatException e) {
                // below
            }
        }
        throw invalid(attribute, value.asText(), "Value should be an integer");
    }

    public JsonNode node(String attribute) {
        return body.get(attribute);
    }

    private static CloudKittyError missing(String attribute) {
        return invalid(attribute, "None", "Mandatory field missing.");
    }

    private static CloudKittyError invalid(String attribute, String value, String reason) {
        return CloudKittyError.badRequest(
                "Invalid input for field/attribute " + attribute + ". Value: '" + value + "'. " + reason);
    }

    private static String pythonType(JsonNode value) {
        if (value.isBoolean()) {
            return "<class 'bool'>";
        }
        if (value.isIntegralNumber()) {
            return "<class 'int'>";
        }
        if (value.isNumber()) {
            return "<class 'float'>";
        }
        if (value.isArray()) {
            return "<class 'list'>";
        }
        return "<class 'dict'>";
    }
}
