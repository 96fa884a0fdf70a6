package io.meterflow.rating.hashmap;

import io.meterflow.rating.dataframe.DataPoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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
 * Thread-safe: the state of a rating lives in a scratch object of that call (one per batch).
 */
public final class HashMapRater {

    private static final BigDecimal NO_LEVEL = BigDecimal.ONE.negate();
    private static final Object ABSENT = new Object();

    private final HashMapRules rules;

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
        return point.withPrice(price(service, point, new Groups(service.groups().length)));
    }

    /** The points of one rating type of a frame, priced in order with one scratch for them all. */
    public List<DataPoint> rate(String type, List<DataPoint> points) {
        HashMapRules.ServiceRules service = rules.service(type);
        if (service == null) {
            return points;
        }
        Groups groups = new Groups(service.groups().length);
        List<DataPoint> rated = new ArrayList<>(points.size());
        for (DataPoint point : points) {
            rated.add(point.withPrice(price(service, point, groups.reset())));
        }
        return rated;
    }

    private static BigDecimal price(HashMapRules.ServiceRules service, DataPoint point, Groups groups) {
        for (HashMapRules.GroupPrice mapping : service.mappings()) {
            groups.map(mapping.group(), mapping.price());
        }
        BigDecimal quantity = point.quantity();
        for (HashMapRules.LevelPrice threshold : service.thresholds()) {
            if (quantity.compareTo(threshold.level()) >= 0) {
                groups.threshold(threshold, false);
            }
        }
        for (HashMapRules.FieldRules field : service.fields()) {
            Object value = point.describeOr(field.name(), ABSENT);
            if (value == ABSENT) {
                continue;
            }
            HashMapRules.GroupPrice[] matching = field.mappingsByValue().get(PythonText.str(value));
            if (matching != null) {
                for (HashMapRules.GroupPrice mapping : matching) {
                    groups.map(mapping.group(), mapping.price());
                }
            }
            if (field.thresholds().length > 0) {
                BigDecimal number = number(service.name(), field.name(), value);
                for (HashMapRules.LevelPrice threshold : field.thresholds()) {
                    if (number.compareTo(threshold.level()) >= 0) {
                        groups.threshold(threshold, true);
                    }
                }
            }
        }
        return groups.charge(point.price(), quantity);
    }

    private static BigDecimal number(String service, String field, Object value) {
        try {
            return PythonDecimal.of(value);
        } catch (IllegalArgumentException e) {
            throw new UnratableFieldException(service, field, value);
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
                rate[group] = PythonDecimal.multiply(rate[group], price.cost());
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

        BigDecimal charge(BigDecimal incoming, BigDecimal quantity) {
            BigDecimal price = incoming;
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
                }
                // rate × flat; a rate of exactly one (no rate rule) changes nothing but the rounding.
                BigDecimal unitPrice = groupRate == BigDecimal.ONE
                        ? PythonDecimal.round(groupFlat)
                        : PythonDecimal.multiply(groupRate, groupFlat);
                BigDecimal charge = PythonDecimal.multiply(unitPrice, quantity);
                if (!thresholdOnField[group]) {
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
}
