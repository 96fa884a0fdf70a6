package io.meterflow.reports.portal.page;

import io.meterflow.reports.portal.cost.BudgetProgress;
import io.meterflow.reports.portal.cost.CostDashboard;
import io.meterflow.reports.portal.cost.Money;
import io.meterflow.reports.portal.cost.ResourceCost;
import io.meterflow.reports.portal.cost.ServiceCost;
import io.meterflow.reports.portal.invoice.TenantInvoice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The overview: this month's costs, forecast, budgets and invoices of the signed-in project. */
public final class DashboardPage {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);
    private static final DateTimeFormatter AS_OF =
            DateTimeFormatter.ofPattern("MMM d, HH:mm 'UTC'", Locale.US).withZone(ZoneOffset.UTC);

    private DashboardPage() {}

    public static String render(CostDashboard costs, List<TenantInvoice> invoices) {
        StringBuilder body = new StringBuilder();
        body.append("<div class=\"title\"><h1>")
                .append(MONTH.format(costs.month()))
                .append("</h1><span class=\"muted\">as of ")
                .append(AS_OF.format(costs.asOf()))
                .append("</span></div>");
        body.append("<section class=\"cards\">")
                .append(card("Month to date", costs.monthToDate(), "mtd", "rated so far this month"))
                .append(card(
                        "Forecast for the month",
                        costs.forecast(),
                        "forecast",
                        "linear: month to date ÷ elapsed share of the month"))
                .append(card(
                        "Last month",
                        costs.lastMonth(),
                        "last-month",
                        MONTH.format(costs.month().minusMonths(1))))
                .append("</section>");
        body.append("<section class=\"panel\"><h2>Daily cost</h2>")
                .append(SvgCharts.dailyBars(costs.daily(), costs.monthToDate().currency()))
                .append("</section>");
        body.append("<div class=\"columns\">")
                .append(services(costs))
                .append(resources(costs))
                .append("</div>");
        body.append(budgets(costs.budgets()));
        body.append(InvoiceTable.render(invoices));
        return Layout.page("Overview", costs.project(), "Overview", body.toString());
    }

    private static String card(String label, Money money, String id, String note) {
        return "<div class=\"card\"><div class=\"label\">" + label + "</div><div class=\"figure\" id=\"" + id + "\">"
                + Html.escape(Figures.money(money)) + "</div><div class=\"note\">" + Html.escape(note) + "</div></div>";
    }

    private static String services(CostDashboard costs) {
        StringBuilder rows = new StringBuilder();
        BigDecimal total = costs.monthToDate().amount();
        for (ServiceCost service : costs.byService()) {
            int share = total.signum() == 0
                    ? 0
                    : service.cost()
                            .multiply(BigDecimal.valueOf(100))
                            .divide(total, 0, RoundingMode.HALF_UP)
                            .intValue();
            rows.append("<tr><td>")
                    .append(Html.escape(service.service()))
                    .append("</td><td class=\"share\"><progress max=\"100\" value=\"")
                    .append(share)
                    .append("\">")
                    .append(share)
                    .append("%</progress> ")
                    .append(share)
                    .append("%</td><td class=\"num\">")
                    .append(Html.escape(
                            Figures.amount(service.cost(), costs.monthToDate().currency())))
                    .append("</td></tr>");
        }
        return "<section class=\"panel\" id=\"services\"><h2>Cost by service</h2>" + table(rows, "service", "share")
                + "</section>";
    }

    private static String resources(CostDashboard costs) {
        StringBuilder rows = new StringBuilder();
        for (ResourceCost resource : costs.topResources()) {
            rows.append("<tr><td><a href=\"/portal/usage?resource=")
                    .append(Html.param(resource.resourceId()))
                    .append("\">")
                    .append(Html.escape(resource.resourceId()))
                    .append("</a></td><td>")
                    .append(Html.escape(resource.service()))
                    .append("</td><td class=\"num\">")
                    .append(Html.escape(
                            Figures.amount(resource.cost(), costs.monthToDate().currency())))
                    .append("</td></tr>");
        }
        return "<section class=\"panel\" id=\"resources\"><h2>Top resources this month</h2>"
                + table(rows, "resource", "service") + "</section>";
    }

    private static String table(StringBuilder rows, String first, String second) {
        if (rows.isEmpty()) {
            return "<p class=\"muted\">Nothing rated this month yet.</p>";
        }
        return "<table><thead><tr><th>" + first + "</th><th>" + second + "</th><th class=\"num\">cost</th></tr>"
                + "</thead><tbody>" + rows + "</tbody></table>";
    }

    private static String budgets(List<BudgetProgress> budgets) {
        StringBuilder out = new StringBuilder("<section class=\"panel\" id=\"budgets\"><h2>Budgets</h2>");
        if (budgets.isEmpty()) {
            return out.append("<p class=\"muted\">No budget alert is set for this project.</p></section>")
                    .toString();
        }
        for (BudgetProgress budget : budgets) {
            String percent = budget.percent().map(p -> p + "%").orElse("—");
            out.append("<div class=\"budget")
                    .append(budget.reached() ? " reached" : "")
                    .append("\"><div class=\"budget-head\"><span>")
                    .append(Html.escape(Figures.money(budget.spent())))
                    .append(" of ")
                    .append(Html.escape(Figures.money(budget.threshold())))
                    .append("</span><span>")
                    .append(percent)
                    .append("</span></div><progress max=\"100\" value=\"")
                    .append(Math.min(budget.percent().orElse(0), 100))
                    .append("\">")
                    .append(percent)
                    .append("</progress></div>");
        }
        return out.append("</section>").toString();
    }
}
