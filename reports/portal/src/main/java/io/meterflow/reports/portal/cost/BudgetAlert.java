package io.meterflow.reports.portal.cost;

import java.util.Objects;

/** A budget the project's charge is watched against (the rating engine's budget alert). */
public record BudgetAlert(String id, Money threshold) {

    public BudgetAlert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(threshold, "threshold");
    }
}
