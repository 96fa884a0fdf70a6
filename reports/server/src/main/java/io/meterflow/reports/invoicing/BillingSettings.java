package io.meterflow.reports.invoicing;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * How invoices are made: the billing time zone periods are cut in, the payment term, how many
 * months back late usage is looked for, and the issuer that bills projects no account names
 * (empty: such projects stop the run instead, named), and the rating engine's period (a scope's
 * last rated period starts one period before the time it is rated until).
 */
public record BillingSettings(
        ZoneId zone,
        int paymentTermsDays,
        int lateUsageMonths,
        Optional<String> defaultIssuer,
        String defaultCurrency,
        java.time.Duration ratingPeriod) {

    public BillingSettings {
        Objects.requireNonNull(zone, "zone");
        if (paymentTermsDays < 0) {
            throw new IllegalArgumentException("paymentTermsDays: " + paymentTermsDays + " is negative");
        }
        if (lateUsageMonths < 0) {
            throw new IllegalArgumentException("lateUsageMonths: " + lateUsageMonths + " is negative");
        }
        Objects.requireNonNull(defaultIssuer, "defaultIssuer");
        Objects.requireNonNull(defaultCurrency, "defaultCurrency");
        if (ratingPeriod.isNegative() || ratingPeriod.isZero()) {
            throw new IllegalArgumentException("ratingPeriod: must be positive");
        }
    }
}
