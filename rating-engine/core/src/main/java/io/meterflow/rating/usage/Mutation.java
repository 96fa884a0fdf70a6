package io.meterflow.rating.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What CloudKitty's {@code mutate} does to a quantity after factor and offset: nothing, 1 when it
 * is not zero ({@code NUMBOOL}, an instance that ran in the period), 1 when it is zero, rounding
 * down or up, or a lookup in {@code mutate_map} (0 for a value the map lacks).
 */
public sealed interface Mutation {

    BigDecimal apply(BigDecimal quantity);

    /** The name metrics.yml uses. */
    String name();

    record None() implements Mutation {
        public BigDecimal apply(BigDecimal quantity) {
            return quantity;
        }

        public String name() {
            return "NONE";
        }
    }

    record NumBool() implements Mutation {
        public BigDecimal apply(BigDecimal quantity) {
            return quantity.signum() != 0 ? BigDecimal.ONE : BigDecimal.ZERO;
        }

        public String name() {
            return "NUMBOOL";
        }
    }

    record NotNumBool() implements Mutation {
        public BigDecimal apply(BigDecimal quantity) {
            return quantity.signum() == 0 ? BigDecimal.ONE : BigDecimal.ZERO;
        }

        public String name() {
            return "NOTNUMBOOL";
        }
    }

    record Floor() implements Mutation {
        public BigDecimal apply(BigDecimal quantity) {
            return quantity.setScale(0, RoundingMode.FLOOR);
        }

        public String name() {
            return "FLOOR";
        }
    }

    record Ceil() implements Mutation {
        public BigDecimal apply(BigDecimal quantity) {
            return quantity.setScale(0, RoundingMode.CEILING);
        }

        public String name() {
            return "CEIL";
        }
    }

    /**
     * Keys compare by value (Python's dict looks a float 1.0 up under the key 1), so they are
     * held without trailing zeros.
     */
    record MapTo(Map<BigDecimal, BigDecimal> mapping) implements Mutation {
        public MapTo {
            Map<BigDecimal, BigDecimal> normalized = new LinkedHashMap<>();
            mapping.forEach((key, value) -> normalized.put(
                    Objects.requireNonNull(key, "key").stripTrailingZeros(), Objects.requireNonNull(value, "value")));
            mapping = Collections.unmodifiableMap(normalized);
        }

        public BigDecimal apply(BigDecimal quantity) {
            return mapping.getOrDefault(quantity.stripTrailingZeros(), BigDecimal.ZERO);
        }

        public String name() {
            return "MAP";
        }
    }
}
