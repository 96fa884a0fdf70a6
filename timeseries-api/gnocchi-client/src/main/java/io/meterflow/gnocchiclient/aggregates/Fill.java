package io.meterflow.gnocchiclient.aggregates;

/**
 * What {@code /v1/aggregates} puts where a series has no point at a timestamp another series has:
 * nothing is filled unless asked, and then {@code needed_overlap} no longer drops the timestamp.
 *
 * @param parameter the {@code fill} query value: a number, {@code null} (NaN) or {@code dropna}
 */
public record Fill(String parameter) {

    public Fill {
        if (parameter == null || parameter.isBlank()) {
            throw new IllegalArgumentException("fill must be a number, 'null' or 'dropna'");
        }
    }

    /** Missing points become this number. */
    public static Fill value(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("fill value must be finite, got " + value);
        }
        return new Fill(Double.toString(value));
    }

    /** Missing points become NaN (kept in the answer). */
    public static Fill withNaN() {
        return new Fill("null");
    }

    /** Missing points are filled with NaN for the computation, then dropped from the answer. */
    public static Fill dropNaN() {
        return new Fill("dropna");
    }
}
