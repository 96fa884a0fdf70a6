package io.meterflow.reports.invoice;

import java.util.Currency;
import java.util.Locale;
import java.util.Objects;

/**
 * The buyer of a billing account: its party data, the currency it is billed in, the language its
 * invoices are written in, and how they are taxed.
 */
public record Customer(Party party, Currency currency, Locale language, TaxTreatment tax) {

    public Customer {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(tax, "tax");
    }
}
