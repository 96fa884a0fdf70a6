package io.meterflow.timeseries.aggregates;

import io.meterflow.timeseries.failure.InvalidInputException;

/**
 * What fills a series' missing points when series are aligned: nothing (only timestamps every
 * series has count, subject to needed_overlap), a number, NaN ({@code null}), or NaN dropped from
 * the answer ({@code dropna}).
 */
public sealed interface Fill {

    record None() implements Fill {}

    record Value(double value) implements Fill {}

    record Null() implements Fill {}

    record DropNa() implements Fill {}

    static Fill parse(String fill) {
        if (fill == null) {
            return new None();
        }
        return switch (fill) {
            case "null" -> new Null();
            case "dropna" -> new DropNa();
            default -> {
                try {
                    yield new Value(Double.parseDouble(fill.trim()));
                } catch (NumberFormatException invalid) {
                    throw InvalidInputException.argument("fill", "Must be a float, 'dropna' or 'null'");
                }
            }
        };
    }

    default double filler() {
        return this instanceof Value value ? value.value() : Double.NaN;
    }
}
