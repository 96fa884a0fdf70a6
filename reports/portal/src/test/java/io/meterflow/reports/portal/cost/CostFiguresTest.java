package io.meterflow.reports.portal.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CostFiguresTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @ParameterizedTest(name = "{0} so far at {1} → {2}")
    @CsvSource({
        "10, 2026-11-16T00:00:00Z, 20", // half of a 30-day month gone: twice as much
        "30, 2026-11-11T00:00:00Z, 90", // a third gone
        "0, 2026-11-20T00:00:00Z, 0",
        "5, 2026-11-01T00:00:00Z, 5", // nothing elapsed: no extrapolation from nothing
        "7, 2026-12-01T00:00:00Z, 7" // the month is over: the forecast is what it cost
    })
    void forecastsLinearlyOnTheElapsedShareOfTheMonth(String soFar, String now, String expected) {
        assertThat(CostFigures.forecast(new BigDecimal(soFar), NOVEMBER, Instant.parse(now)))
                .isEqualByComparingTo(expected);
    }

    @Test
    void groupsServicesMostExpensiveFirstAndFillsDaysWithoutPoints() {
        List<ServiceDayCost> costs = List.of(
                new ServiceDayCost(LocalDate.of(2026, 11, 1), "volume", new BigDecimal("1.5")),
                new ServiceDayCost(LocalDate.of(2026, 11, 1), "instance", new BigDecimal("2")),
                new ServiceDayCost(LocalDate.of(2026, 11, 3), "instance", new BigDecimal("4")));

        assertThat(CostFigures.byService(costs))
                .containsExactly(
                        new ServiceCost("instance", new BigDecimal("6")),
                        new ServiceCost("volume", new BigDecimal("1.5")));
        assertThat(CostFigures.total(costs)).isEqualByComparingTo("7.5");
        assertThat(CostFigures.daily(costs, NOVEMBER, LocalDate.of(2026, 11, 4)))
                .extracting(DayCost::cost)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("3.5"), BigDecimal.ZERO, new BigDecimal("4"), BigDecimal.ZERO);
    }

    @Test
    void keepsTheTenMostExpensiveResources() {
        List<ResourceCost> costs = java.util.stream.IntStream.range(0, 15)
                .mapToObj(i -> new ResourceCost("r" + i, "instance", BigDecimal.valueOf(i)))
                .toList();

        assertThat(CostFigures.top(costs, 10))
                .extracting(ResourceCost::resourceId)
                .containsExactly("r14", "r13", "r12", "r11", "r10", "r9", "r8", "r7", "r6", "r5");
    }

    @Test
    void budgetProgressComparesOnlyTheSameCurrency() {
        Currency eur = Currency.getInstance("EUR");
        Money threshold = new Money(new BigDecimal("200"), eur);

        assertThat(new BudgetProgress(threshold, new Money(new BigDecimal("150"), eur)).percent())
                .contains(75);
        assertThat(new BudgetProgress(threshold, new Money(new BigDecimal("250"), eur)).reached())
                .isTrue();
        assertThat(new BudgetProgress(threshold, new Money(BigDecimal.TEN, Currency.getInstance("USD"))).percent())
                .isEmpty();
    }
}
