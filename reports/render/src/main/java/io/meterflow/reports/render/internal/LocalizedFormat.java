package io.meterflow.reports.render.internal;

import io.meterflow.rating.plan.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * Figures and dates written the way the customer's language writes them ({@code 1.234,56 €},
 * {@code 07.12.2026} in German). Every number is printed with exactly the digits it has: the
 * formats are set to the value's own scale and to {@link RoundingMode#UNNECESSARY}, so a format
 * that would round throws instead of printing a figure the invoice does not hold.
 *
 * <p>Not thread-safe ({@link DecimalFormat} is not): make one per document.
 */
public final class LocalizedFormat {

    private final Locale locale;
    private final DateTimeFormatter dates;

    public LocalizedFormat(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
    }

    public Locale locale() {
        return locale;
    }

    /** An amount with its currency symbol, at the amount's own scale. */
    public String money(Money money) {
        DecimalFormat format = (DecimalFormat) NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        return exact(format, money.amount(), money.amount().scale());
    }

    /** A quantity or unit price: the same value without trailing zeros, at least {@code minDigits} decimals. */
    public String number(BigDecimal value, int minDigits) {
        BigDecimal stripped = value.stripTrailingZeros();
        int digits = Math.max(minDigits, stripped.scale());
        return exact((DecimalFormat) NumberFormat.getNumberInstance(locale), value, digits);
    }

    /** A tax rate as a bare number: {@code 19}, {@code 7,7}. */
    public String percent(BigDecimal ratePercent) {
        return number(ratePercent, 0);
    }

    public String date(LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    private static String exact(DecimalFormat format, BigDecimal value, int digits) {
        int scale = Math.max(0, digits);
        format.setMinimumFractionDigits(scale);
        format.setMaximumFractionDigits(scale);
        format.setRoundingMode(RoundingMode.UNNECESSARY);
        return format.format(value);
    }
}
