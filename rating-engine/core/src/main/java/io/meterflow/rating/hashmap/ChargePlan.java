package io.meterflow.rating.hashmap;

import java.math.BigDecimal;

/**
 * What a quantity is charged once a point's outcomes are known: per group touched, in the order
 * touched, the unit price (rate × flat, after a field threshold) and the service threshold that
 * then acts on the group's charge, if any. Made by {@link ChargePlanner}; shared by every point
 * of those outcomes, and by threads.
 */
final class ChargePlan {

    /** Recent charges kept per plan: 2^4 slots. */
    private static final int RECENT_BITS = 4;

    private final BigDecimal[] unitPrices;
    private final Price[] afterQuantity;
    /**
     * Recent charges by quantity: points alike mostly share a handful of quantities (an instance's
     * hour is 1, volumes come in a few sizes), and their charge is then looked up, not computed.
     * A direct-mapped cache: a quantity's slot holds the last charge computed for a quantity
     * hashed there. Shared by threads without a lock: an entry is immutable, and a thread that
     * misses an entry another one wrote computes the charge itself.
     */
    private final Charged[] recent = new Charged[1 << RECENT_BITS];

    private record Charged(BigDecimal quantity, BigDecimal price) {}

    ChargePlan(BigDecimal[] unitPrices, Price[] afterQuantity) {
        this.unitPrices = unitPrices;
        this.afterQuantity = afterQuantity;
    }

    /** The incoming price plus each group's charge for the quantity, rounded as CloudKitty rounds. */
    BigDecimal charge(BigDecimal incoming, BigDecimal quantity) {
        if (incoming.signum() != 0) {
            return add(incoming, quantity);
        }
        // Fibonacci hashing: BigDecimal's hash is 31 × the digits plus the scale, which crowds the low bits.
        int slot = (quantity.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - RECENT_BITS);
        Charged cached = recent[slot];
        // equals, not compareTo: 1 and 1.0 give charges of different scales.
        if (cached != null && quantity.equals(cached.quantity())) {
            return cached.price();
        }
        BigDecimal price = add(BigDecimal.ZERO, quantity);
        recent[slot] = new Charged(quantity, price);
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
