package io.meterflow.collector.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;

/**
 * A sample's volume as a JSON number. Ceilometer keeps any value Python's {@code float()} accepts,
 * strings included; downstream code wants numbers, so a numeric string becomes the number it spells.
 */
final class Volumes {

    private Volumes() {}

    /** The number, or {@code null} when there is none (Ceilometer drops such samples too). */
    static JsonNode number(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value;
        }
        if (value.isBoolean()) {
            return LongNode.valueOf(value.booleanValue() ? 1 : 0);
        }
        if (value.isTextual()) {
            String text = value.textValue().strip();
            try {
                BigDecimal number = new BigDecimal(text);
                if (number.scale() <= 0
                        && !text.contains(".")
                        && !text.toLowerCase(java.util.Locale.ROOT).contains("e")) {
                    return number.toBigInteger().bitLength() < 64
                            ? LongNode.valueOf(number.longValueExact())
                            : DecimalNode.valueOf(number);
                }
                return DoubleNode.valueOf(number.doubleValue());
            } catch (NumberFormatException | ArithmeticException notANumber) {
                return null;
            }
        }
        return null;
    }
}
