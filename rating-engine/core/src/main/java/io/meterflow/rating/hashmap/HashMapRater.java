package io.meterflow.rating.hashmap;

import io.meterflow.rating.dataframe.DataPoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prices points exactly as CloudKitty's hashmap module does ({@code HashMap.process}), step for
 * step and with Python's decimal rounding at each step:
 *
 * <ul>
 *   <li>per group, flat mappings keep the highest cost (never below 0), rate mappings multiply;
 *   <li>per group, one threshold applies: the matching one of the highest level, service
 *       thresholds (on the quantity) seen before field thresholds (on the field's number);
 *   <li>a group's charge is {@code rate × flat × qty}; a field threshold first adds to flat or
 *       multiplies rate, a service threshold then adds to or multiplies the charge;
 *   <li>the point's price is its incoming price plus every touched group's charge, in the order
 *       the groups were first touched.
 * </ul>
 *
 * A point's charge depends on its quantity and, per field, on the value's mappings and how many
 * threshold levels it reaches. The rater remembers, per such combination of outcomes, what the
 * quantity is charged (a {@link ChargePlan}): points alike (one flavor, one volume type) then cost
 * a lookup and a multiplication per group, and only the first of them goes through every step.
 *
 * <p>Thread-safe: the state of a rating lives in a scratch object of that call (one per batch);
 * the remembered plans are shared.
 */
public final class HashMapRater {

    private static final BigDecimal NO_LEVEL = BigDecimal.ONE.negate();
    private static final Object ABSENT = new Object();
    /** Plans remembered per service; past that many outcomes in use, the others are planned afresh. */
    private static final int PLANS_PER_SERVICE = 4096;

    private final HashMapRules rules;
    private final Map<String, Map<Long, ChargePlan>> plansByService = new ConcurrentHashMap<>();

    public HashMapRater(HashMapRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * @param type the point's rating type: the hashmap service of that name prices it
     * @return the point with its price raised by the hashmap's charge; unchanged without such a service
     * @throws UnratableFieldException a field with thresholds holds a value that is not a number
     */
    public DataPoint rate(String type, DataPoint point) {
        HashMapRules.ServiceRules service = rules.service(type);
        if (service == null) {
            return point;
        }
        return point.withPrice(new Scratch(service, plans(service)).price(point));
    }

    /** The points of one rating type of a frame, priced in order with one scratch for them all. */
    public List<DataPoint> rate(String type, List<DataPoint> points) {
        HashMapRules.ServiceRules service = rules.service(type);
        if (service == null) {
            return points;
        }
        Scratch scratch = new Scratch(service, plans(service));
        List<DataPoint> rated = new ArrayList<>(points.size());
        for (DataPoint point : points) {
            rated.add(point.withPrice(scratch.price(point)));
        }
        return rated;
    }

    private Map<Long, ChargePlan> plans(HashMapRules.ServiceRules service) {
        return plansByService.computeIfAbsent(service.name(), name -> new ConcurrentHashMap<>());
    }

    /**
     * What a quantity is charged once its outcomes are known: per group touched, in the order
     * touched, the unit price (rate × flat, after a field threshold) and the service threshold
     * that then acts on the group's charge, if any.
     */
    private static final class ChargePlan {
        private final BigDecimal[] unitPrices;
        private final Price[] afterQuantity;
        /**
         * The last quantity charged from nothing, and its charge: points alike mostly have one
         * quantity too (an instance's hour is 1). Shared by threads without a lock: the pair is
         * immutable, and a thread that sees an older one computes the charge itself.
         */
        private Charged last = new Charged(null, null);

        private record Charged(BigDecimal quantity, BigDecimal price) {}

        ChargePlan(BigDecimal[] unitPrices, Price[] afterQuantity) {
            this.unitPrices = unitPrices;
            this.afterQuantity = afterQuantity;
        }

        BigDecimal charge(BigDecimal incoming, BigDecimal quantity) {
            if (incoming.signum() != 0) {
                return add(incoming, quantity);
            }
            Charged previous = last;
            // equals, not compareTo: 1 and 1.0 give charges of different scales.
            if (quantity.equals(previous.quantity())) {
                return previous.price();
            }
            BigDecimal price = add(BigDecimal.ZERO, quantity);
            last = new Charged(quantity, price);
            return price;
        }

        private BigDecimal add(BigDecimal incoming, BigDecimal quantity) {
            BigDecimal price = incoming;
            for (int i = 0; i < unitPrices.length; i++) {
                BigDecimal charge = PythonDecimal.multiply(unitPrices[i], quantity);
                Price threshold = afterQuantity[i];
                if (threshold != null) {
                    charge = threshold.type() == MapType.FLAT
                            ? PythonDecimal.add(charge, threshold.cost())
                            : PythonDecimal.multiply(charge, threshold.cost());
                }
                // 0 + charge is the charge itself (already rounded): most points start at price 0.
                price = price.signum() == 0 ? charge : PythonDecimal.add(price, charge);
            }
            return price;
        }
    }

    /** One batch's working state: the outcomes of the point at hand and CloudKitty's per-group slots. */
    private static final class Scratch {
        private final HashMapRules.ServiceRules service;
        private final Map<Long, ChargePlan> plans;
        private final HashMapRules.ValueRules[] matched;
        private final int[] ranks;
        private final Groups groups;

        Scratch(HashMapRules.ServiceRules service, Map<Long, ChargePlan> plans) {
            this.service = service;
            this.plans = plans;
            this.matched = new HashMapRules.ValueRules[service.fields().length];
            this.ranks = new int[service.fields().length];
            this.groups = new Groups(service.groups().length);
        }

        BigDecimal price(DataPoint point) {
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
                key += radix
                        * ((match == null ? 0 : match.id()) * (field.levels().count() + 1L) + rank);
                radix *= field.outcomes();
            }
            boolean remembered = service.outcomes() >= 0;
            ChargePlan plan = remembered ? plans.get(key) : null;
            if (plan == null) {
                plan = plan(quantityRank);
                if (remembered && plans.size() < PLANS_PER_SERVICE) {
                    plans.put(key, plan);
                }
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

        /** CloudKitty's steps, in its order, for the outcomes just found. */
        private ChargePlan plan(int quantityRank) {
            groups.reset();
            for (HashMapRules.GroupPrice mapping : service.mappings()) {
                groups.map(mapping.group(), mapping.price());
            }
            for (HashMapRules.LevelPrice threshold : service.thresholds()) {
                if (service.quantityLevels().reached(threshold.level(), quantityRank)) {
                    groups.threshold(threshold, false);
                }
            }
            HashMapRules.FieldRules[] fields = service.fields();
            for (int i = 0; i < fields.length; i++) {
                if (matched[i] != null) {
                    for (HashMapRules.GroupPrice mapping : matched[i].mappings()) {
                        groups.map(mapping.group(), mapping.price());
                    }
                }
                for (HashMapRules.LevelPrice threshold : fields[i].thresholds()) {
                    if (fields[i].levels().reached(threshold.level(), ranks[i])) {
                        groups.threshold(threshold, true);
                    }
                }
            }
            return groups.plan();
        }
    }

    /** CloudKitty's {@code _res}: per group touched, flat, rate and the best threshold so far. */
    private static final class Groups {
        private final BigDecimal[] flat;
        private final BigDecimal[] rate;
        private final BigDecimal[] thresholdLevel;
        private final Price[] thresholdPrice;
        private final boolean[] thresholdOnField;
        private final int[] touchOrder;
        private int touched;

        Groups(int capacity) {
            flat = new BigDecimal[capacity];
            rate = new BigDecimal[capacity];
            thresholdLevel = new BigDecimal[capacity];
            thresholdPrice = new Price[capacity];
            thresholdOnField = new boolean[capacity];
            touchOrder = new int[capacity];
        }

        /** Forgets the previous point: only the groups it touched hold anything. */
        Groups reset() {
            for (int i = 0; i < touched; i++) {
                int group = touchOrder[i];
                flat[group] = null;
                thresholdPrice[group] = null;
            }
            touched = 0;
            return this;
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

        void map(int group, Price price) {
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

        void threshold(HashMapRules.LevelPrice threshold, boolean onField) {
            touch(threshold.group());
            int group = threshold.group();
            if (threshold.level().compareTo(thresholdLevel[group]) > 0) {
                thresholdLevel[group] = threshold.level();
                thresholdPrice[group] = threshold.price();
                thresholdOnField[group] = onField;
            }
        }

        ChargePlan plan() {
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
}
