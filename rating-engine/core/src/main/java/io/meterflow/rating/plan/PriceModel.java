package io.meterflow.rating.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a billing period's quantity of one rating type turns into an amount, one record per model
 * (the models of modern usage billing that CloudKitty's hashmap cannot express). Amounts are exact;
 * rounding happens once, on the charge lines.
 */
public sealed interface PriceModel {

    /** The breakdown for a billable quantity (0 or more), in order. */
    List<PricedPart> price(BigDecimal quantity);

    /** Every unit at one price. */
    record PerUnit(BigDecimal unitPrice) implements PriceModel {
        public PerUnit {
            Objects.requireNonNull(unitPrice, "unitPrice");
        }

        public List<PricedPart> price(BigDecimal quantity) {
            return List.of(PricedPart.units("per unit", quantity, unitPrice));
        }
    }

    /**
     * Each unit at the price of the tier it falls in (the first 100 at 0.10, the next 900 at
     * 0.08, ...), plus the flat fee of every tier usage reaches.
     */
    record Graduated(List<Tier> tiers) implements PriceModel {
        public Graduated {
            tiers = Tiers.checked(tiers);
        }

        public List<PricedPart> price(BigDecimal quantity) {
            List<PricedPart> parts = new ArrayList<>();
            BigDecimal lower = BigDecimal.ZERO;
            for (Tier tier : tiers) {
                if (quantity.compareTo(lower) <= 0) {
                    break; // no unit reaches this tier, nor its flat fee
                }
                BigDecimal upper = tier.upTo().map(quantity::min).orElse(quantity);
                String name = Tiers.describe(tier, lower);
                parts.add(PricedPart.units(name, upper.subtract(lower), tier.unitPrice()));
                if (tier.flatFee().signum() > 0) {
                    parts.add(PricedPart.fixed(name + ", flat fee", BigDecimal.ONE, tier.flatFee()));
                }
                if (tier.upTo().isEmpty()) {
                    break;
                }
                lower = tier.upTo().get();
            }
            return parts;
        }
    }

    /** Every unit at the price of the tier the whole quantity reaches, plus that tier's flat fee. */
    record Volume(List<Tier> tiers) implements PriceModel {
        public Volume {
            tiers = Tiers.checked(tiers);
        }

        public List<PricedPart> price(BigDecimal quantity) {
            BigDecimal lower = BigDecimal.ZERO;
            for (Tier tier : tiers) {
                if (tier.upTo().isEmpty() || quantity.compareTo(tier.upTo().get()) <= 0) {
                    String name = Tiers.describe(tier, lower) + ", all units";
                    List<PricedPart> parts = new ArrayList<>();
                    parts.add(PricedPart.units(name, quantity, tier.unitPrice()));
                    if (tier.flatFee().signum() > 0 && quantity.signum() > 0) {
                        parts.add(PricedPart.fixed(name + ", flat fee", BigDecimal.ONE, tier.flatFee()));
                    }
                    return parts;
                }
                lower = tier.upTo().get();
            }
            throw new IllegalStateException("The last tier is open");
        }
    }

    /**
     * Units sold by the package: {@code ceil(quantity / size)} packages at {@code packagePrice}
     * (or rounded down, where a started package is free).
     */
    record Package(BigDecimal size, BigDecimal packagePrice, RoundingMode packages) implements PriceModel {
        public Package {
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(packagePrice, "packagePrice");
            Objects.requireNonNull(packages, "packages");
            if (size.signum() <= 0) {
                throw new IllegalArgumentException("A package holds a positive number of units: " + size);
            }
            if (packages != RoundingMode.UP && packages != RoundingMode.DOWN) {
                throw new IllegalArgumentException("Packages are counted rounding UP or DOWN");
            }
        }

        public List<PricedPart> price(BigDecimal quantity) {
            BigDecimal count = quantity.divide(size, 0, packages);
            return List.of(new PricedPart(
                    "packages of " + size.stripTrailingZeros().toPlainString(),
                    count,
                    Optional.of(packagePrice),
                    count.multiply(packagePrice)));
        }
    }

    /** Tier lists: ascending bounds, the last tier open. */
    final class Tiers {
        private Tiers() {}

        static List<Tier> checked(List<Tier> tiers) {
            List<Tier> copy = List.copyOf(tiers);
            if (copy.isEmpty()) {
                throw new IllegalArgumentException("A tiered price needs at least one tier");
            }
            BigDecimal previous = BigDecimal.ZERO;
            for (int i = 0; i < copy.size(); i++) {
                Tier tier = copy.get(i);
                boolean last = i == copy.size() - 1;
                if (tier.upTo().isEmpty() != last) {
                    throw new IllegalArgumentException("Only the last tier is open, and it must be: tier " + (i + 1));
                }
                if (tier.upTo().isPresent()) {
                    if (tier.upTo().get().compareTo(previous) <= 0) {
                        throw new IllegalArgumentException("Tier bounds must ascend: tier " + (i + 1));
                    }
                    previous = tier.upTo().get();
                }
            }
            return copy;
        }

        static String describe(Tier tier, BigDecimal lower) {
            String from = lower.stripTrailingZeros().toPlainString();
            return tier.upTo()
                    .map(upper -> "units " + from + " to "
                            + upper.stripTrailingZeros().toPlainString())
                    .orElse("units above " + from);
        }
    }
}
