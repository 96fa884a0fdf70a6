package io.meterflow.rating.plan;

import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A pricing plan a project subscribes to: its charges per rating type in one currency, an optional
 * minimum commitment per billing period (usage below it is trued up to it), and how its lines are
 * rounded.
 */
public record Plan(
        String code, Currency currency, List<Charge> charges, Optional<Money> minimumCommitment, Rounding rounding) {

    public Plan {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(currency, "currency");
        charges = List.copyOf(charges);
        Objects.requireNonNull(minimumCommitment, "minimumCommitment");
        Objects.requireNonNull(rounding, "rounding");
        Set<String> types = new HashSet<>();
        for (Charge charge : charges) {
            if (!types.add(charge.ratingType())) {
                throw new IllegalArgumentException("Plan " + code + " charges " + charge.ratingType() + " twice");
            }
        }
        minimumCommitment.ifPresent(minimum -> {
            if (!minimum.currency().equals(currency)) {
                throw new IllegalArgumentException(
                        "Plan " + code + " is in " + currency + ", its minimum in " + minimum.currency());
            }
        });
    }
}
