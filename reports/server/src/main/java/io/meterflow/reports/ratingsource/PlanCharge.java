package io.meterflow.reports.ratingsource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A project's charge under its pricing plan for a billing period, as the rating engine computed
 * (and, once frozen, keeps) it: lines already rounded by the plan's policy.
 */
public record PlanCharge(String projectId, String planCode, String currency, boolean frozen, List<Line> lines) {

    /** One line: kind is usage, allowance, discount, minimum_true_up or credit. */
    public record Line(
            String kind,
            String ratingType,
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            BigDecimal amount) {}

    public PlanCharge {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(planCode, "planCode");
        Objects.requireNonNull(currency, "currency");
        lines = List.copyOf(lines);
    }
}
