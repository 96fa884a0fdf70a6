package io.meterflow.rating.plan;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a plan charges for one rating type over a billing period: the first {@code freeUnits} are
 * free (the allowance), the rest priced by the model, and the result reduced by
 * {@code discountPercent} (0 to 100).
 */
public record Charge(String ratingType, PriceModel model, BigDecimal freeUnits, BigDecimal discountPercent) {

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    public Charge {
        Objects.requireNonNull(ratingType, "ratingType");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(freeUnits, "freeUnits");
        Objects.requireNonNull(discountPercent, "discountPercent");
        if (freeUnits.signum() < 0) {
            throw new IllegalArgumentException("An allowance must not be negative: " + freeUnits);
        }
        if (discountPercent.signum() < 0 || discountPercent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("A discount is between 0 and 100 percent: " + discountPercent);
        }
    }

    public static Charge of(String ratingType, PriceModel model) {
        return new Charge(ratingType, model, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public Charge withFreeUnits(String units) {
        return new Charge(ratingType, model, new BigDecimal(units), discountPercent);
    }

    public Charge withDiscountPercent(String percent) {
        return new Charge(ratingType, model, freeUnits, new BigDecimal(percent));
    }

    BigDecimal discountFraction() {
        return discountPercent.movePointLeft(2);
    }
}
