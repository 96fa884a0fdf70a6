package io.meterflow.rating.hashmap;

import java.math.BigDecimal;

/**
 * CloudKitty's steps, in its order, for one combination of outcomes (the quantity's threshold
 * rank, each field's matched value and rank), ending in the {@link ChargePlan} every point of
 * those outcomes shares. Holds CloudKitty's {@code _res}: per group touched, flat, rate and the
 * best threshold so far. One per batch, reused from plan to plan.
 */
final class ChargePlanner {

    private static final BigDecimal NO_LEVEL = BigDecimal.ONE.negate();

    private final HashMapRules.ServiceRules service;
    private final BigDecimal[] flat;
    private final BigDecimal[] rate;
    private final BigDecimal[] thresholdLevel;
    private final Price[] thresholdPrice;
    private final boolean[] thresholdOnField;
    private final int[] touchOrder;
    private int touched;

    ChargePlanner(HashMapRules.ServiceRules service) {
        this.service = service;
        int capacity = service.groups().length;
        flat = new BigDecimal[capacity];
        rate = new BigDecimal[capacity];
        thresholdLevel = new BigDecimal[capacity];
        thresholdPrice = new Price[capacity];
        thresholdOnField = new boolean[capacity];
        touchOrder = new int[capacity];
    }

    /**
     * @param matched per field, the mappings of the point's value, or null
     * @param ranks per field, how many threshold levels the point's value reaches
     */
    ChargePlan plan(int quantityRank, HashMapRules.ValueRules[] matched, int[] ranks) {
        reset();
        for (HashMapRules.GroupPrice mapping : service.mappings()) {
            map(mapping.group(), mapping.price());
        }
        for (HashMapRules.LevelPrice threshold : service.thresholds()) {
            if (service.quantityLevels().reached(threshold.level(), quantityRank)) {
                threshold(threshold, false);
            }
        }
        HashMapRules.FieldRules[] fields = service.fields();
        for (int i = 0; i < fields.length; i++) {
            if (matched[i] != null) {
                for (HashMapRules.GroupPrice mapping : matched[i].mappings()) {
                    map(mapping.group(), mapping.price());
                }
            }
            for (HashMapRules.LevelPrice threshold : fields[i].thresholds()) {
                if (fields[i].levels().reached(threshold.level(), ranks[i])) {
                    threshold(threshold, true);
                }
            }
        }
        return toPlan();
    }

    /** Forgets the previous plan: only the groups it touched hold anything. */
    private void reset() {
        for (int i = 0; i < touched; i++) {
            int group = touchOrder[i];
            flat[group] = null;
            thresholdPrice[group] = null;
        }
        touched = 0;
    }

    private void touch(int group) {
        if (flat[group] == null) {
            flat[group] = BigDecimal.ZERO;
            rate[group] = BigDecimal.ONE;
            thresholdLevel[group] = NO_LEVEL;
            // The empty slot is a flat field threshold of cost 0: it still adds 0 to flat, with rounding.
            thresholdOnField[group] = true;
            touchOrder[touched++] = group;
        }
    }

    private void map(int group, Price price) {
        touch(group);
        if (price.type() == MapType.RATE) {
            // 1 × cost is the cost itself, rounded: no product to make for a group's first rate.
            BigDecimal current = rate[group];
            rate[group] = current == BigDecimal.ONE
                    ? PythonDecimal.round(price.cost())
                    : PythonDecimal.multiply(current, price.cost());
        } else if (price.cost().compareTo(flat[group]) > 0) {
            flat[group] = price.cost();
        }
    }

    private void threshold(HashMapRules.LevelPrice threshold, boolean onField) {
        touch(threshold.group());
        int group = threshold.group();
        if (threshold.level().compareTo(thresholdLevel[group]) > 0) {
            thresholdLevel[group] = threshold.level();
            thresholdPrice[group] = threshold.price();
            thresholdOnField[group] = onField;
        }
    }

    private ChargePlan toPlan() {
        BigDecimal[] unitPrices = new BigDecimal[touched];
        Price[] afterQuantity = new Price[touched];
        for (int i = 0; i < touched; i++) {
            int group = touchOrder[i];
            BigDecimal groupFlat = flat[group];
            BigDecimal groupRate = rate[group];
            Price threshold = thresholdPrice[group];
            if (thresholdOnField[group]) {
                if (threshold == null) {
                    groupFlat = PythonDecimal.round(groupFlat); // flat += 0, which rounds
                } else if (threshold.type() == MapType.FLAT) {
                    groupFlat = PythonDecimal.add(groupFlat, threshold.cost());
                } else {
                    groupRate = PythonDecimal.multiply(groupRate, threshold.cost());
                }
            } else {
                afterQuantity[i] = threshold;
            }
            // rate × flat; a rate of exactly one (no rate rule) changes nothing but the rounding.
            unitPrices[i] = groupRate == BigDecimal.ONE
                    ? PythonDecimal.round(groupFlat)
                    : PythonDecimal.multiply(groupRate, groupFlat);
        }
        return new ChargePlan(unitPrices, afterQuantity);
    }
}
