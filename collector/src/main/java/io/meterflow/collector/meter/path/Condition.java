package io.meterflow.collector.meter.path;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * One test inside {@code [?...]}: with no operator, "the path finds something"; with one, "some
 * non-null match compares true". As in jsonpath-rw-ext, an integer on the right converts the
 * matched value with Python's {@code int()} first, and comparing unlike types is false.
 */
record Condition(JsonPath target, String operator, Token.Kind valueKind, String value) {

    boolean holds(JsonNode element, JsonNode root) {
        var matches = target.find(element, root);
        if (operator == null) {
            return !matches.isEmpty();
        }
        for (JsonNode match : matches) {
            if (!match.isNull() && compares(match)) {
                return true;
            }
        }
        return false;
    }

    private boolean compares(JsonNode match) {
        Integer order = switch (valueKind) {
            case NUMBER -> {
                BigDecimal number = Arithmetics.pythonInt(match);
                yield number == null ? null : number.compareTo(new BigDecimal(value));
            }
            case FLOAT -> match.isNumber() ? match.decimalValue().compareTo(new BigDecimal(value)) : null;
            case BOOL -> Boolean.compare(Truthiness.isTruthy(match), Boolean.parseBoolean(value));
            default -> match.isTextual() ? match.textValue().compareTo(value) : null;
        };
        if (operator.equals("~")) {
            return match.isTextual()
                    && Pattern.compile(value).matcher(match.textValue()).lookingAt();
        }
        if (order == null) {
            return operator.equals("!=");
        }
        return switch (operator) {
            case "=", "==" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> false;
        };
    }
}
