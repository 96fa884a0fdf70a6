package io.meterflow.reports.portal.cost;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The cost of one UTC day, all services together. */
public record DayCost(LocalDate day, BigDecimal cost) {}
