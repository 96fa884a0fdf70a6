package io.meterflow.reports.render;

import io.meterflow.rating.plan.Money;
import io.meterflow.reports.invoice.Address;
import io.meterflow.reports.invoice.BankAccount;
import io.meterflow.reports.invoice.Customer;
import io.meterflow.reports.invoice.DocumentType;
import io.meterflow.reports.invoice.InvoiceDocument;
import io.meterflow.reports.invoice.InvoiceLine;
import io.meterflow.reports.invoice.Issuer;
import io.meterflow.reports.invoice.LineKind;
import io.meterflow.reports.invoice.Party;
import io.meterflow.reports.invoice.ServicePeriod;
import io.meterflow.reports.invoice.TaxTreatment;
import io.meterflow.reports.invoice.Totals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Issued documents written out by hand, figures checked on paper: tests carry their own data. */
final class TestInvoices {

    private TestInvoices() {}

    static Issuer issuer() {
        return new Issuer(
                "acme-de",
                new Party(
                        "Acme Cloud GmbH",
                        new Address("Rechenzentrumstraße 1", "", "60311", "Frankfurt am Main", "DE"),
                        "DE123456789",
                        "billing@acme.example"),
                new BankAccount("Frankfurter Sparkasse", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX"),
                "");
    }

    static Customer customer(Locale language, TaxTreatment tax, String countryCode, String taxId) {
        return new Customer(
                new Party(
                        "Beispiel Software AG",
                        new Address("Hauptstraße 5", "3. OG", "10115", "Berlin", countryCode),
                        taxId,
                        "ap@beispiel.example"),
                java.util.Currency.getInstance("EUR"),
                language,
                tax);
    }

    static List<InvoiceLine> lines() {
        return List.of(
                line("instance", "m1.large, 4 vCPU, 8 GiB", "1440", "h", "0.096", "138.24"),
                line("volume", "Block storage, SSD", "12000.5", "GB-h", "0.000139", "1.67"),
                line("image", "Image storage", "35.25", "GB-month", "0.02", "0.71"),
                line("floating-ip", "Public IPv4 address", "2", "month", "3.50", "7.00"),
                line("network.outgoing", "Egress traffic", "1234.5", "GB", "0.01", "12.35"),
                line("support", "Business support plan", "1", "month", "1234.56", "1234.56"));
    }

    private static InvoiceLine line(
            String service, String description, String quantity, String unit, String unitPrice, String amount) {
        return new InvoiceLine(
                LineKind.USAGE,
                service,
                description,
                new BigDecimal(quantity),
                unit,
                new BigDecimal(unitPrice),
                Money.of(amount, "EUR"));
    }

    /** Lines sum to 1394.53; 10 % discount 139.45; credits 50.00; taxable 1205.08; 19 % VAT 228.97. */
    static InvoiceDocument standardInvoice(Locale language) {
        return document(
                DocumentType.INVOICE,
                customer(language, TaxTreatment.rate("19"), "DE", "DE987654321"),
                new Totals(
                        eur("1394.53"),
                        eur("139.45"),
                        eur("50.00"),
                        eur("1205.08"),
                        new BigDecimal("19"),
                        eur("228.97"),
                        eur("1434.05")),
                "",
                "");
    }

    /** A French customer, reverse charge: no VAT, the notice instead. */
    static InvoiceDocument reverseChargeInvoice(Locale language) {
        return document(
                DocumentType.INVOICE,
                customer(language, new TaxTreatment.ReverseCharge(), "FR", "FR40303265045"),
                new Totals(
                        eur("1394.53"),
                        eur("139.45"),
                        eur("50.00"),
                        eur("1205.08"),
                        BigDecimal.ZERO,
                        eur("0.00"),
                        eur("1205.08")),
                "",
                "");
    }

    static InvoiceDocument creditNote(Locale language) {
        InvoiceLine line = new InvoiceLine(
                LineKind.ADJUSTMENT,
                "instance",
                "Outage credit, 2026-11-14",
                new BigDecimal("100"),
                "h",
                new BigDecimal("0.096"),
                eur("9.60"));
        return new InvoiceDocument(
                DocumentType.CREDIT_NOTE,
                "doc-cn-1",
                "CN-2026-0003",
                "acct-42",
                issuer(),
                customer(language, TaxTreatment.rate("19"), "DE", "DE987654321"),
                ServicePeriod.month(YearMonth.of(2026, 11), ZoneId.of("Europe/Berlin")),
                LocalDate.of(2026, 12, 7),
                LocalDate.of(2026, 12, 7),
                List.of(line),
                new Totals(
                        eur("9.60"),
                        eur("0.00"),
                        eur("0.00"),
                        eur("9.60"),
                        new BigDecimal("19"),
                        eur("1.82"),
                        eur("11.42")),
                "INV-2026-0117",
                "hypervisor outage on 14 November");
    }

    private static InvoiceDocument document(
            DocumentType type, Customer customer, Totals totals, String corrected, String reason) {
        return new InvoiceDocument(
                type,
                "doc-1",
                "INV-2026-0117",
                "acct-42",
                issuer(),
                customer,
                ServicePeriod.month(YearMonth.of(2026, 11), ZoneId.of("Europe/Berlin")),
                LocalDate.of(2026, 12, 7),
                LocalDate.of(2026, 12, 21),
                lines(),
                totals,
                corrected,
                reason);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }
}
