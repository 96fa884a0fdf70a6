package io.meterflow.reports.portal.cost;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** An amount with its currency. Never a double: the portal shows what the rating engine priced. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }
}
