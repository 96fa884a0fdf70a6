package io.meterflow.reports.render;

import io.meterflow.rating.plan.Money;
import io.meterflow.rating.plan.Rounding;
import io.meterflow.reports.invoice.Address;
import io.meterflow.reports.invoice.BankAccount;
import io.meterflow.reports.invoice.Customer;
import io.meterflow.reports.invoice.DocumentType;
import io.meterflow.reports.invoice.InvoiceCalculator;
import io.meterflow.reports.invoice.InvoiceDocument;
import io.meterflow.reports.invoice.InvoiceLine;
import io.meterflow.reports.invoice.Issuer;
import io.meterflow.reports.invoice.LineKind;
import io.meterflow.reports.invoice.Party;
import io.meterflow.reports.invoice.ServicePeriod;
import io.meterflow.reports.invoice.TaxTreatment;
import io.meterflow.reports.invoice.Totals;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Writes a realistic sample invoice in every output format to a directory: what the README's
 * screenshot is made from, and a quick look at a rebranding ({@code --template}, {@code --primary}).
 */
public final class SampleInvoice {

    private static final String USAGE = """
            Usage: SampleInvoice [--out DIR] [--lang en,de,fr] [--template FILE.jrxml]
                                 [--primary #RRGGBB] [--accent #RRGGBB] [--footer TEXT]

            Writes, for each language, invoice-LANG.pdf, invoice-LANG.csv, invoice-LANG.json and
            facturx-LANG.pdf (EN 16931, PDF/A-3 with factur-x.xml) to DIR (default target/sample),
            with the sample operator's logo. English and French bill an EU customer under reverse
            charge; German bills a German customer at 19 % VAT.
            """;

    private SampleInvoice() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of("target/sample");
        List<String> languages = List.of("en", "de", "fr");
        Branding branding = Branding.defaults()
                .withFooter("Acme Cloud GmbH · Rechenzentrumstraße 1 · 60311 Frankfurt am Main"
                        + " · Amtsgericht Frankfurt HRB 123456 · Geschäftsführer: Dr. Jane Example");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--help", "-h" -> {
                    System.out.print(USAGE);
                    return;
                }
                case "--out" -> out = Path.of(required(args[i], value));
                case "--lang" -> languages = List.of(required(args[i], value).split(","));
                case "--template" -> branding = branding.withTemplate(Path.of(required(args[i], value)));
                case "--primary" -> branding = branding.withColors(required(args[i], value), branding.accentColor());
                case "--accent" -> branding = branding.withColors(branding.primaryColor(), required(args[i], value));
                case "--footer" -> branding = branding.withFooter(required(args[i], value));
                default -> {
                    System.err.println("Unknown option " + args[i]);
                    System.err.print(USAGE);
                    System.exit(2);
                }
            }
            i++;
        }
        Files.createDirectories(out);
        Path logo = out.resolve("logo.png");
        try (InputStream in = SampleInvoice.class.getResourceAsStream("sample/logo.png")) {
            Files.copy(in, logo, StandardCopyOption.REPLACE_EXISTING);
        }
        InvoicePdfRenderer pdf = new InvoicePdfRenderer(branding.withLogo(logo));
        FacturXRenderer facturX = new FacturXRenderer(pdf);
        for (String language : languages) {
            InvoiceDocument invoice = document(Locale.forLanguageTag(language));
            Files.write(out.resolve("invoice-" + language + ".pdf"), pdf.render(invoice));
            Files.writeString(
                    out.resolve("invoice-" + language + ".csv"),
                    new InvoiceCsvWriter().write(invoice),
                    StandardCharsets.UTF_8);
            Files.writeString(
                    out.resolve("invoice-" + language + ".json"),
                    new InvoiceJsonWriter().write(invoice),
                    StandardCharsets.UTF_8);
            Files.write(out.resolve("facturx-" + language + ".pdf"), facturX.render(invoice));
            report(System.out, out, language);
        }
    }

    /** A month of an OpenStack project's usage, priced and rounded as the invoice module does it. */
    static InvoiceDocument document(Locale language) {
        InvoiceCalculator calculator = new InvoiceCalculator(Rounding.CURRENCY_HALF_UP);
        Currency eur = Currency.getInstance("EUR");
        List<InvoiceLine> lines = new ArrayList<>();
        lines.add(usage(calculator, "instance", "m1.xlarge (8 vCPU, 16 GiB) · web-01, web-02", "1440", "h", "0.1920"));
        lines.add(usage(calculator, "instance", "m1.large (4 vCPU, 8 GiB) · worker pool", "2133.5", "h", "0.0960"));
        lines.add(usage(calculator, "volume", "Block storage, SSD tier", "512000", "GiB-h", "0.000137"));
        lines.add(usage(calculator, "object-storage", "Swift object storage", "1843.25", "GiB-month", "0.0210"));
        lines.add(usage(calculator, "image", "Glance images", "96.4", "GiB-month", "0.0250"));
        lines.add(usage(calculator, "floating-ip", "Public IPv4 addresses", "3", "month", "3.50"));
        lines.add(usage(calculator, "network.outgoing", "Egress traffic beyond 1 TB free", "2716.8", "GB", "0.0100"));
        lines.add(usage(calculator, "loadbalancer", "Octavia load balancer", "720", "h", "0.0250"));
        lines.add(calculator.pricedLine(
                LineKind.PLAN,
                "support",
                "Business support plan, November",
                BigDecimal.ONE,
                "month",
                new BigDecimal("249.00"),
                Money.of("249.00", "EUR")));
        boolean german = language.getLanguage().equals("de");
        TaxTreatment tax = german ? TaxTreatment.rate("19") : new TaxTreatment.ReverseCharge();
        Customer customer = german
                ? new Customer(
                        new Party(
                                "Beispiel Software AG",
                                new Address("Friedrichstraße 123", "Buchhaltung", "10117", "Berlin", "DE"),
                                "DE811907980",
                                "rechnungen@beispiel.example"),
                        eur,
                        language,
                        tax)
                : new Customer(
                        new Party(
                                "Northwind Analytics SAS",
                                new Address("12 rue de la Paix", "Service comptabilité", "75002", "Paris", "FR"),
                                "FR40303265045",
                                "ap@northwind.example"),
                        eur,
                        language,
                        tax);
        Totals totals = calculator.totals(lines, eur, new BigDecimal("5"), Money.of("100.00", "EUR"), tax);
        return new InvoiceDocument(
                DocumentType.INVOICE,
                "7c1e9a52-sample",
                "ACME-2026-000417",
                "proj-8f3a21",
                new Issuer(
                        "acme-de",
                        new Party(
                                "Acme Cloud GmbH",
                                new Address("Rechenzentrumstraße 1", "", "60311", "Frankfurt am Main", "DE"),
                                "DE123456789",
                                "billing@acme-cloud.example"),
                        new BankAccount("Commerzbank Frankfurt", "DE89 3704 0044 0532 0130 00", "COBADEFFXXX"),
                        ""),
                customer,
                ServicePeriod.month(YearMonth.of(2026, 11), ZoneId.of("Europe/Berlin")),
                LocalDate.of(2026, 12, 7),
                LocalDate.of(2026, 12, 21),
                lines,
                totals,
                "",
                "");
    }

    private static InvoiceLine usage(
            InvoiceCalculator calculator,
            String service,
            String description,
            String quantity,
            String unit,
            String unitPrice) {
        BigDecimal exact = new BigDecimal(quantity).multiply(new BigDecimal(unitPrice));
        return calculator.line(
                LineKind.USAGE,
                service,
                description,
                new BigDecimal(quantity),
                unit,
                Money.of(exact.toPlainString(), "EUR"));
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static void report(PrintStream out, Path dir, String language) {
        out.println("Wrote " + dir.resolve("invoice-" + language + ".pdf") + " (+ .csv, .json) and "
                + dir.resolve("facturx-" + language + ".pdf"));
    }
}
