package io.meterflow.rating.hashmap;

import io.meterflow.rating.dataframe.DataPoint;
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
 * <p>Thread-safe: the state of a rating lives in the {@link BatchPricer} of that call (one per
 * batch); the remembered plans ({@link ChargePlans}) are shared.
 */
public final class HashMapRater {

    private final HashMapRules rules;
    private final Map<String, ChargePlans> plansByService = new ConcurrentHashMap<>();

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
        return rate(type, List.of(point)).get(0);
    }

    /** The points of one rating type of a frame, priced in order with one scratch for them all. */
    public List<DataPoint> rate(String type, List<DataPoint> points) {
        HashMapRules.ServiceRules service = rules.service(type);
        if (service == null) {
            return points;
        }
        List<DataPoint> rated = new ArrayList<>(points.size());
        new BatchPricer(service, plans(service)).rate(points, rated);
        return rated;
    }

    private ChargePlans plans(HashMapRules.ServiceRules service) {
        return plansByService.computeIfAbsent(service.name(), name -> new ChargePlans(service.outcomes()));
    }
}
