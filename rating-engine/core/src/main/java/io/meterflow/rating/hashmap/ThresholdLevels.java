package io.meterflow.rating.hashmap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * The distinct levels of a service's or a field's thresholds, ascending. A value reaches every
 * threshold whose level is at most the value, so how many levels it reaches (its rank) says all
 * its thresholds do: two values of one rank touch the same thresholds, which is what lets a rater
 * price them alike.
 */
final class ThresholdLevels {

    private static final ThresholdLevels NONE = new ThresholdLevels(new BigDecimal[0], new long[0]);

    /** Fewest decimals that hold each level: comparing decimals of different scales costs a rescale. */
    private final BigDecimal[] levels;
    /** The smallest integer at or above each level, or {@code Long.MAX_VALUE} when it does not fit. */
    private final long[] integerLevels;

    private ThresholdLevels(BigDecimal[] levels, long[] integerLevels) {
        this.levels = levels;
        this.integerLevels = integerLevels;
    }

    static ThresholdLevels of(HashMapRules.LevelPrice[] thresholds) {
        if (thresholds.length == 0) {
            return NONE;
        }
        TreeSet<BigDecimal> distinct = new TreeSet<>();
        for (HashMapRules.LevelPrice threshold : thresholds) {
            distinct.add(threshold.level()); // compareTo: 2 and 2.00 are one level
        }
        BigDecimal[] levels =
                distinct.stream().map(ThresholdLevels::fewestDecimals).toArray(BigDecimal[]::new);
        return new ThresholdLevels(
                levels,
                Arrays.stream(levels).mapToLong(ThresholdLevels::ceiling).toArray());
    }

    int count() {
        return levels.length;
    }

    /** How many levels are at most {@code value}. */
    int rankOf(BigDecimal value) {
        int rank = 0;
        while (rank < levels.length && value.compareTo(levels[rank]) >= 0) {
            rank++;
        }
        return rank;
    }

    /** How many levels are at most {@code value}, without a decimal made for it (vCPU counts, GiB). */
    int rankOf(long value) {
        int rank = 0;
        while (rank < levels.length && reaches(value, rank)) {
            rank++;
        }
        return rank;
    }

    private boolean reaches(long value, int index) {
        long integerLevel = integerLevels[index];
        return integerLevel == Long.MAX_VALUE
                ? BigDecimal.valueOf(value).compareTo(levels[index]) >= 0
                : value >= integerLevel;
    }

    /** Whether a value of {@code rank} reaches a threshold of {@code level}. */
    boolean reached(BigDecimal level, int rank) {
        return rank > 0 && level.compareTo(levels[rank - 1]) <= 0;
    }

    static BigDecimal fewestDecimals(BigDecimal level) {
        BigDecimal stripped = level.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static long ceiling(BigDecimal level) {
        BigDecimal up = level.setScale(0, RoundingMode.CEILING);
        return up.unscaledValue().bitLength() < 63 ? up.longValueExact() : Long.MAX_VALUE;
    }
}
