package io.meterflow.reports.portal.page;

import io.meterflow.reports.portal.cost.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Currency;
import java.util.Locale;

/** How amounts read on the pages: rounded to the currency's minor unit only for display. */
final class Figures {

    private Figures() {}

    static String money(Money money) {
        return amount(money.amount(), money.currency());
    }

    static String amount(BigDecimal amount, Currency currency) {
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        DecimalFormat format = new DecimalFormat(
                digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits), DecimalFormatSymbols.getInstance(Locale.US));
        String symbol = currency.getSymbol(Locale.US);
        String number = format.format(amount.setScale(digits, RoundingMode.HALF_UP));
        // "$12.00", "€12.00"; a code without a symbol reads better after the number: "12.00 CHF".
        return symbol.length() == 1 ? symbol + number : number + " " + currency.getCurrencyCode();
    }

    /** A measure for a table cell: up to three decimals, no exponent. */
    static String measure(double value) {
        return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.US)).format(value);
    }
}
