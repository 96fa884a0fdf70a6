package io.meterflow.reports.portal.cost;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** What one service (a rating type: instance, volume...) cost a project on one UTC day. */
public record ServiceDayCost(LocalDate day, String service, BigDecimal cost) {

    public ServiceDayCost {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(cost, "cost");
    }
}
