package io.meterflow.reports.portal.cost;

import java.math.BigDecimal;
import java.util.Objects;

/** What one resource cost a project in a period, under the service that rated it. */
public record ResourceCost(String resourceId, String service, BigDecimal cost) {

    public ResourceCost {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(cost, "cost");
    }
}
