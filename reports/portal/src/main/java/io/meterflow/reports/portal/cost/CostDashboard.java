package io.meterflow.reports.portal.cost;

import io.meterflow.reports.portal.ProjectId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * Everything the dashboard shows of one project's costs, as of one instant.
 *
 * @param month         the current UTC month
 * @param monthToDate   cost of the points rated this month so far
 * @param forecast      month-to-date divided by the elapsed fraction of the month
 * @param lastMonth     cost of the whole previous month
 * @param byService     this month per service, the most expensive first
 * @param topResources  the ten most expensive resources this month
 * @param daily         one entry per day of the month so far (0 on days without points)
 * @param budgets       each budget alert with this month's spending against it
 */
public record CostDashboard(
        ProjectId project,
        Instant asOf,
        YearMonth month,
        Money monthToDate,
        Money forecast,
        Money lastMonth,
        List<ServiceCost> byService,
        List<ResourceCost> topResources,
        List<DayCost> daily,
        List<BudgetProgress> budgets) {

    public CostDashboard {
        byService = List.copyOf(byService);
        topResources = List.copyOf(topResources);
        daily = List.copyOf(daily);
        budgets = List.copyOf(budgets);
    }
}
