package io.meterflow.reports.invoicing;

import io.meterflow.reports.ratingsource.RatedUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Usage of already invoiced periods that was rated after their invoices were issued (late data, a
 * reprocessing): what the rating engine says now, less everything issued invoices billed for the
 * same window, project and type. It goes on the next invoice as an adjustment; issued invoices
 * never change.
 *
 * @param delta the difference, in the window it belongs to
 * @param invoiceNumber the issued invoice that billed that window first
 */
public record LateUsage(BilledUsage delta, String invoiceNumber) {

    /** The windows to ask the rating engine about, and which invoice billed each first. */
    public static Map<Window, String> windows(List<InvoiceRecord> issued) {
        Map<Window, String> windows = new LinkedHashMap<>();
        for (InvoiceRecord invoice : issued) {
            for (BilledUsage billed : invoice.billed()) {
                windows.putIfAbsent(
                        new Window(billed.begin(), billed.end()),
                        invoice.document().number());
            }
        }
        return windows;
    }

    /**
     * @param issued the account's issued invoices whose windows are compared
     * @param ratedNow the rating engine's current usage per window
     * @param projects the account's projects now and in those invoices
     */
    public static List<LateUsage> find(
            List<InvoiceRecord> issued, Map<Window, List<RatedUsage>> ratedNow, Set<String> projects) {
        Map<BilledUsage.Key, BigDecimal[]> billed = new HashMap<>();
        for (InvoiceRecord invoice : issued) {
            for (BilledUsage b : invoice.billed()) {
                BigDecimal[] sums =
                        billed.computeIfAbsent(b.key(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                sums[0] = sums[0].add(b.quantity());
                sums[1] = sums[1].add(b.price());
            }
        }
        Map<Window, String> firstInvoice = windows(issued);
        List<LateUsage> late = new ArrayList<>();
        ratedNow.forEach((window, rows) -> {
            Map<BilledUsage.Key, RatedUsage> now = new HashMap<>();
            for (RatedUsage row : rows) {
                if (projects.contains(row.projectId())) {
                    now.put(new BilledUsage.Key(window.begin(), window.end(), row.projectId(), row.type()), row);
                }
            }
            for (BilledUsage.Key key : union(now.keySet(), billed.keySet(), window)) {
                RatedUsage current = now.get(key);
                BigDecimal[] sums = billed.getOrDefault(key, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
                BigDecimal qty = (current == null ? BigDecimal.ZERO : current.quantity()).subtract(sums[0]);
                BigDecimal price = (current == null ? BigDecimal.ZERO : current.price()).subtract(sums[1]);
                if (price.signum() != 0 || qty.signum() != 0) {
                    late.add(new LateUsage(
                            new BilledUsage(key.begin(), key.end(), key.projectId(), key.type(), qty, price),
                            firstInvoice.get(window)));
                }
            }
        });
        late.sort(java.util.Comparator.comparing((LateUsage l) -> l.delta().begin())
                .thenComparing(l -> l.delta().type())
                .thenComparing(l -> l.delta().projectId()));
        return late;
    }

    /** How an adjustment line names its origin: the billed month (or days) and the invoice. */
    public String describe(ZoneId zone) {
        DateTimeFormatter day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone);
        return "late usage of " + day.format(delta.begin()) + " to "
                + day.format(delta.end().minusSeconds(1)) + ", after invoice " + invoiceNumber;
    }

    private static List<BilledUsage.Key> union(Set<BilledUsage.Key> now, Set<BilledUsage.Key> billed, Window window) {
        List<BilledUsage.Key> keys = new ArrayList<>(now);
        for (BilledUsage.Key key : billed) {
            if (key.begin().equals(window.begin()) && key.end().equals(window.end()) && !now.contains(key)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** A rated window [begin, end). */
    public record Window(Instant begin, Instant end) {}
}
