package io.meterflow.rating.hashmap;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.stream.IntStream;

/**
 * Python's {@code str()} of a value read from JSON, which is what CloudKitty's field mappings
 * compare with a mapping's value: the integer 2 matches "2", the float 2.0 does not, true is
 * "True" and null is "None".
 */
public final class PythonText {

    /** Field values such as vCPU counts are small integers: their text is made once. */
    private static final String[] SMALL_INTEGERS =
            IntStream.range(0, 1024).mapToObj(String::valueOf).toArray(String[]::new);

    private PythonText() {}

    public static String str(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return floatRepr(((Number) value).doubleValue());
        }
        if (value instanceof Integer integer && integer >= 0 && integer < SMALL_INTEGERS.length) {
            return SMALL_INTEGERS[integer];
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toString();
        }
        return value.toString();
    }

    /**
     * Python's repr of a float: the shortest digits that read back as the same double, in fixed
     * notation from 1e-4 up to below 1e16 (always with a fractional part), otherwise as
     * {@code 1.5e+16} with at least two exponent digits.
     */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(d);
        String sign = shortest.signum() < 0 ? "-" : "";
        BigDecimal magnitude = shortest.abs();
        String digits = magnitude.unscaledValue().toString();
        // Position of the decimal point relative to the first digit, as Python's dtoa reports it.
        int decimalPoint = digits.length() - magnitude.scale();
        if (decimalPoint > -4 && decimalPoint <= 16) {
            return sign + fixed(digits, decimalPoint);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        int exponent = decimalPoint - 1;
        String exponentDigits = String.valueOf(Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (exponentDigits.length() < 2 ? "0" : "")
                + exponentDigits;
    }

    private static String fixed(String digits, int decimalPoint) {
        if (decimalPoint <= 0) {
            return "0." + "0".repeat(-decimalPoint) + digits;
        }
        if (decimalPoint >= digits.length()) {
            return digits + "0".repeat(decimalPoint - digits.length()) + ".0";
        }
        return digits.substring(0, decimalPoint) + "." + digits.substring(decimalPoint);
    }

    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return candidate.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
}
