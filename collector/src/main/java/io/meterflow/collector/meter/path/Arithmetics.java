package io.meterflow.collector.meter.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Python's {@code + - * /} on JSON values: integers stay integers (true division excepted), any
 * float makes a float, strings concatenate. {@code null} stands for Python's TypeError.
 *
 * <p>One deliberate extension: {@code "ab" - "b"} removes the suffix ({@code "a"}). Python raises
 * there, which is why Ceilometer's identity meter is named after its own JSONPath text; its
 * {@code $.payload.outcome - $.payload.outcome + 'identity.authenticate.' + ...} trick was meant to
 * start a concatenation with a literal, and now does.
 */
final class Arithmetics {

    private Arithmetics() {}

    static JsonNode apply(JsonNode left, char operator, JsonNode right) {
        if (left.isTextual() && right.isTextual()) {
            return strings(left.textValue(), operator, right.textValue());
        }
        if (!isNumber(left) || !isNumber(right)) {
            return null;
        }
        if (operator == '/') {
            double divisor = right.doubleValue();
            return divisor == 0 ? null : DoubleNode.valueOf(left.doubleValue() / divisor);
        }
        if (left.isIntegralNumber() && right.isIntegralNumber()) {
            BigInteger a = left.bigIntegerValue();
            BigInteger b = right.bigIntegerValue();
            BigInteger result = switch (operator) {
                case '+' -> a.add(b);
                case '-' -> a.subtract(b);
                default -> a.multiply(b);
            };
            return result.bitLength() < 64 ? LongNode.valueOf(result.longValue()) : BigIntegerNode.valueOf(result);
        }
        double a = left.doubleValue();
        double b = right.doubleValue();
        return DoubleNode.valueOf(
                switch (operator) {
                    case '+' -> a + b;
                    case '-' -> a - b;
                    default -> a * b;
                });
    }

    private static JsonNode strings(String left, char operator, String right) {
        return switch (operator) {
            case '+' -> TextNode.valueOf(left + right);
            case '-' ->
                left.endsWith(right) ? TextNode.valueOf(left.substring(0, left.length() - right.length())) : null;
            default -> null;
        };
    }

    private static boolean isNumber(JsonNode value) {
        return value.isNumber();
    }

    /** Python's {@code int(value)} for filter comparisons; {@code null} where it raises. */
    static BigDecimal pythonInt(JsonNode value) {
        if (value.isIntegralNumber()) {
            return new BigDecimal(value.bigIntegerValue());
        }
        if (value.isNumber()) {
            return new BigDecimal(value.decimalValue().toBigInteger());
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(new BigInteger(value.textValue().strip()));
            } catch (NumberFormatException notAnInteger) {
                return null;
            }
        }
        return null;
    }
}
