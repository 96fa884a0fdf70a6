package io.meterflow.reports.portal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * How far this month's spending has come towards a budget alert's threshold.
 *
 * @param spent the plan charge when the project has a plan (what the alert itself watches), else
 *              the month-to-date cost
 */
public record BudgetProgress(Money threshold, Money spent) {

    /** Percent of the threshold spent (may pass 100); empty when the currencies differ or it is 0. */
    public Optional<Integer> percent() {
        if (!threshold.currency().equals(spent.currency()) || threshold.amount().signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(spent.amount()
                .multiply(BigDecimal.valueOf(100))
                .divide(threshold.amount(), 0, RoundingMode.DOWN)
                .intValue());
    }

    public boolean reached() {
        return percent().map(p -> p >= 100).orElse(false);
    }
}
