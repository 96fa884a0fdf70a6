package io.meterflow.reports.portal.cost;

import java.math.BigDecimal;

/** A service's (rating type's) cost over the month so far. */
public record ServiceCost(String service, BigDecimal cost) {}
