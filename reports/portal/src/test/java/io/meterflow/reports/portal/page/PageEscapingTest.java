package io.meterflow.reports.portal.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.reports.portal.ProjectId;
import io.meterflow.reports.portal.cost.CostDashboard;
import io.meterflow.reports.portal.cost.DayCost;
import io.meterflow.reports.portal.cost.Money;
import io.meterflow.reports.portal.cost.ResourceCost;
import io.meterflow.reports.portal.cost.ServiceCost;
import io.meterflow.reports.portal.invoice.TenantInvoice;
import io.meterflow.reports.portal.usage.MeteredResource;
import io.meterflow.reports.portal.usage.UsagePoint;
import io.meterflow.reports.portal.usage.UsageSeries;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whatever other services or tenants named (resources, services, invoice numbers) is text, never markup. */
class PageEscapingTest {

    private static final String EVIL = "<script>alert('x')</script>\"><img src=x onerror=alert(1)>";
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void escapesTheFiveCharactersThatMatterInTextAndAttributes() {
        assertThat(Html.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Html.param("a b&c\"<")).isEqualTo("a%20b%26c%22%3C");
    }

    @Test
    void theDashboardShowsHostileNamesAsText() {
        Money zero = Money.zero(EUR);
        CostDashboard costs = new CostDashboard(
                new ProjectId("p-1"),
                Instant.parse("2026-11-20T12:00:00Z"),
                YearMonth.of(2026, 11),
                new Money(new BigDecimal("1234.5"), EUR),
                zero,
                zero,
                List.of(new ServiceCost(EVIL, BigDecimal.ONE)),
                List.of(new ResourceCost(EVIL, EVIL, BigDecimal.ONE)),
                List.of(new DayCost(LocalDate.of(2026, 11, 1), BigDecimal.ONE)),
                List.of());
        TenantInvoice invoice = new TenantInvoice(
                EVIL,
                EVIL,
                LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31),
                LocalDate.of(2026, 11, 1),
                EVIL,
                BigDecimal.TEN,
                EUR);

        String page = DashboardPage.render(costs, List.of(invoice));

        assertThat(page).doesNotContain("<script>", "<img", "onerror=alert(1)>").contains("€1,234.50");
    }

    @Test
    void theUsagePageShowsHostileResourceNamesAsText() {
        MeteredResource resource = new MeteredResource("r-1", EVIL, EVIL, List.of("cpu"));
        UsageSeries series = new UsageSeries(
                "r-1", Duration.ofHours(1), List.of(new UsagePoint(Instant.parse("2026-11-20T00:00:00Z"), 2.5)));

        String page = UsagePage.render(
                new ProjectId("p-1"),
                List.of(resource),
                List.of("cpu"),
                new UsagePage.Choice("cpu", Optional.empty(), LocalDate.of(2026, 11, 14), LocalDate.of(2026, 11, 20)),
                Instant.parse("2026-11-14T00:00:00Z"),
                Instant.parse("2026-11-21T00:00:00Z"),
                List.of(series));

        assertThat(page).doesNotContain("<script>", "<img").contains("&lt;script&gt;");
    }
}
