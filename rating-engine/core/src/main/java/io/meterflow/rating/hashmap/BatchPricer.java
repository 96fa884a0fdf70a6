package io.meterflow.rating.hashmap;

import io.meterflow.rating.dataframe.DataPoint;
import java.math.BigDecimal;
import java.util.List;

/**
 * Prices one batch of points of one service. A point's charge depends on its quantity and, per
 * field, on the value's mappings and how many threshold levels it reaches: its outcomes, numbered
 * as one key. What a key's points are charged is planned once ({@link ChargePlanner}) and then
 * remembered ({@link ChargePlan}), so pricing a point is mostly finding its outcomes.
 *
 * <p>Not thread-safe: one per call of the rater.
 */
final class BatchPricer {

    private static final Object ABSENT = new Object();

    private final HashMapRules.ServiceRules service;
    private final ChargePlans plans;
    private final ChargePlanner planner;
    private final HashMapRules.ValueRules[] matched;
    private final int[] ranks;

    BatchPricer(HashMapRules.ServiceRules service, ChargePlans plans) {
        this.service = service;
        this.plans = plans;
        this.planner = new ChargePlanner(service);
        this.matched = new HashMapRules.ValueRules[service.fields().length];
        this.ranks = new int[service.fields().length];
    }

    /** Adds each point, its price raised by the hashmap's charge, to {@code rated}, in order. */
    void rate(List<DataPoint> points, List<DataPoint> rated) {
        for (DataPoint point : points) {
            rated.add(point.withPrice(price(point)));
        }
    }

    private BigDecimal price(DataPoint point) {
        BigDecimal quantity = point.quantity();
        int quantityRank = service.quantityLevels().rankOf(quantity);
        // The outcomes in mixed radix: quantity rank first, then per field value id and rank.
        long key = quantityRank;
        long radix = service.quantityLevels().count() + 1L;
        HashMapRules.FieldRules[] fields = service.fields();
        for (int i = 0; i < fields.length; i++) {
            HashMapRules.FieldRules field = fields[i];
            Object value = point.describeOr(field.name(), ABSENT);
            HashMapRules.ValueRules match = null;
            int rank = 0;
            if (value != ABSENT) {
                match = field.values().get(PythonText.str(value));
                if (field.levels().count() > 0) {
                    rank = rank(field, value);
                }
            }
            matched[i] = match;
            ranks[i] = rank;
            key += radix * ((match == null ? 0 : match.id()) * (field.levels().count() + 1L) + rank);
            radix *= field.outcomes();
        }
        ChargePlan plan = plans.get(key);
        if (plan == null) {
            plan = planner.plan(quantityRank, matched, ranks);
            plans.remember(key, plan);
        }
        return plan.charge(point.price(), quantity);
    }

    private int rank(HashMapRules.FieldRules field, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            // Counts (vCPUs, GiB) compare without a decimal being made for them.
            return field.levels().rankOf(((Number) value).longValue());
        }
        try {
            return field.levels().rankOf(PythonDecimal.of(value));
        } catch (IllegalArgumentException e) {
            throw new UnratableFieldException(service.name(), field.name(), value);
        }
    }
}
