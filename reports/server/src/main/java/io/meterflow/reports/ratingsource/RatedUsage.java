package io.meterflow.reports.ratingsource;

import java.math.BigDecimal;
import java.util.Objects;

/** A project's rated usage of one rating type over a period: total quantity and exact price. */
public record RatedUsage(String projectId, String type, BigDecimal quantity, BigDecimal price) {

    public RatedUsage {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
    }
}
