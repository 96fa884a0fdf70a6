package io.meterflow.reports.portal.cost;

import io.meterflow.reports.portal.ProjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * What the portal reads from the rating engine, always for one project. Each method is one grouped
 * query, never one per day or resource. The adapter is {@link HttpRatingReader} (the CloudKitty
 * compatible API); the portal knows no table of the rating engine.
 */
public interface RatingReader {

    /** Cost per service and UTC day of the points in [begin, end). */
    List<ServiceDayCost> costByServiceAndDay(ProjectId project, Instant begin, Instant end);

    /** Cost per resource of the points in [begin, end). */
    List<ResourceCost> costByResource(ProjectId project, Instant begin, Instant end);

    /** The total cost of the points in [begin, end). */
    BigDecimal totalCost(ProjectId project, Instant begin, Instant end);

    List<BudgetAlert> budgetAlerts(ProjectId project);

    /** The project's plan charge for a month; empty when it has no plan then. */
    Optional<Money> planCharge(ProjectId project, YearMonth period);
}
