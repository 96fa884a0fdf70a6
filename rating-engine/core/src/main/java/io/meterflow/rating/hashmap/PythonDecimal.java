package io.meterflow.rating.hashmap;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Arithmetic as CloudKitty does it: Python's {@code decimal} module in its default context, where
 * every operation's exact result is rounded to 28 significant digits, half to even. Prices must
 * equal CloudKitty's to the last digit, so each step of its formula is rounded here exactly where
 * Python rounds it; a Meterflow price never carries more than that either.
 */
final class PythonDecimal {

    private static final int PRECISION = 28;
    static final MathContext CONTEXT = new MathContext(PRECISION, RoundingMode.HALF_EVEN);

    /**
     * Stands for Decimal('Infinity') in comparisons with threshold levels, which are NUMERIC(20,8):
     * no level reaches it, so it compares with every level as infinity does.
     */
    private static final BigDecimal INFINITY = BigDecimal.TEN.pow(1000);

    private PythonDecimal() {}

    /**
     * The exact sum, rounded only when it has more digits than the context keeps: the same result
     * as {@code add(b, CONTEXT)}, whose implementation goes through BigInteger even for small
     * values and made a point's rating several times slower.
     */
    static BigDecimal add(BigDecimal a, BigDecimal b) {
        // Aligned to the finer scale, each operand has this many digits; the sum at most one more.
        int scale = Math.max(a.scale(), b.scale());
        long digits = Math.max((long) a.precision() + scale - a.scale(), (long) b.precision() + scale - b.scale()) + 1;
        BigDecimal sum = a.add(b);
        return digits <= PRECISION ? sum : round(sum);
    }

    /** A value as the context holds it: unchanged unless it has more than 28 significant digits. */
    static BigDecimal round(BigDecimal value) {
        return value.precision() <= PRECISION ? value : value.round(CONTEXT);
    }

    /** The exact product, rounded only when it has more digits than the context keeps. */
    static BigDecimal multiply(BigDecimal a, BigDecimal b) {
        // A product has at most as many digits as its factors together. Rule costs and quantities
        // have their precision cached, so most products skip computing their own.
        BigDecimal product = a.multiply(b);
        return a.precision() + b.precision() <= PRECISION ? product : round(product);
    }

    /**
     * {@code decimal.Decimal(value)} of a value a rule compares with a threshold level: numbers
     * exactly (a float's full binary expansion, as Python converts it), booleans as 0 and 1, and
     * strings parsed as Python parses them. Anything else, as in Python, is an error, and it aborts
     * the rating of the frame.
     */
    static BigDecimal of(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d)) {
                throw new IllegalArgumentException("not a decimal: " + value);
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? INFINITY : INFINITY.negate();
            }
            return new BigDecimal(d);
        }
        if (value instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (value instanceof Number number) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (value instanceof Boolean bool) {
            return bool ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        if (value instanceof String text) {
            return parse(text);
        }
        throw new IllegalArgumentException("not a decimal: " + value);
    }

    private static BigDecimal parse(String text) {
        String trimmed = text.strip().replace("_", "");
        String unsigned = trimmed.startsWith("-") || trimmed.startsWith("+") ? trimmed.substring(1) : trimmed;
        String lower = unsigned.toLowerCase(Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return trimmed.startsWith("-") ? INFINITY.negate() : INFINITY;
        }
        // Python accepts "1_000" but no underscore at either end or doubled; none of those reach a price.
        if (text.contains("__") || text.strip().startsWith("_") || text.strip().endsWith("_")) {
            throw new IllegalArgumentException("not a decimal: " + text);
        }
        try {
            return new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            // NaN lands here too: Python's ordering comparisons refuse it with the same error.
            throw new IllegalArgumentException("not a decimal: " + text);
        }
    }
}
