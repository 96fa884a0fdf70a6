package io.meterflow.reports.portal.cost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The dashboard's arithmetic, apart from any I/O so that it is table-tested on its own. */
public final class CostFigures {

    private CostFigures() {}

    public static Instant monthStart(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /**
     * A linear month-end forecast: the month-to-date cost divided by the elapsed fraction of the
     * month. Simple and explainable on the page; it ignores that the last hours are not rated yet,
     * which makes it slightly low early in a month.
     */
    public static BigDecimal forecast(BigDecimal monthToDate, YearMonth month, Instant now) {
        Instant start = monthStart(month);
        Instant end = monthStart(month.plusMonths(1));
        long elapsed = Duration.between(start, now).toSeconds();
        long length = Duration.between(start, end).toSeconds();
        if (elapsed <= 0) {
            return monthToDate;
        }
        if (elapsed >= length) {
            return monthToDate;
        }
        return monthToDate
                .multiply(BigDecimal.valueOf(length))
                .divide(BigDecimal.valueOf(elapsed), MathContext.DECIMAL64);
    }

    /** Total per service, the most expensive first (then by name, so the order is stable). */
    public static List<ServiceCost> byService(List<ServiceDayCost> costs) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        costs.forEach(c -> totals.merge(c.service(), c.cost(), BigDecimal::add));
        return totals.entrySet().stream()
                .map(e -> new ServiceCost(e.getKey(), e.getValue()))
                .sorted(Comparator.comparing(ServiceCost::cost).reversed())
                .toList();
    }

    public static BigDecimal total(List<ServiceDayCost> costs) {
        return costs.stream().map(ServiceDayCost::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** One entry per day from the month's first day to {@code today}, 0 where nothing was rated. */
    public static List<DayCost> daily(List<ServiceDayCost> costs, YearMonth month, LocalDate today) {
        Map<LocalDate, BigDecimal> perDay = new LinkedHashMap<>();
        LocalDate last = today.isBefore(month.atEndOfMonth()) ? today : month.atEndOfMonth();
        for (LocalDate day = month.atDay(1); !day.isAfter(last); day = day.plusDays(1)) {
            perDay.put(day, BigDecimal.ZERO);
        }
        costs.forEach(c -> perDay.computeIfPresent(c.day(), (day, sum) -> sum.add(c.cost())));
        List<DayCost> days = new ArrayList<>();
        perDay.forEach((day, cost) -> days.add(new DayCost(day, cost)));
        return days;
    }

    /** The {@code n} most expensive resources (a resource rated under two services counts twice). */
    public static List<ResourceCost> top(List<ResourceCost> costs, int n) {
        return costs.stream()
                .sorted(Comparator.comparing(ResourceCost::cost).reversed().thenComparing(ResourceCost::resourceId))
                .limit(n)
                .toList();
    }
}
