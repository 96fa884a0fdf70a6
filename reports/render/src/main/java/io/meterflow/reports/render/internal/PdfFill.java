package io.meterflow.reports.render.internal;

import io.meterflow.rating.plan.Money;
import io.meterflow.reports.invoice.Address;
import io.meterflow.reports.invoice.DocumentType;
import io.meterflow.reports.invoice.InvoiceDocument;
import io.meterflow.reports.invoice.InvoiceLine;
import io.meterflow.reports.invoice.Party;
import io.meterflow.reports.invoice.TaxTreatment;
import io.meterflow.reports.invoice.Totals;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * What the template is filled with for one document: its parameters (header, totals, payment) and
 * one row per line, every figure already written in the customer's language. Values only move
 * from the snapshot to text here; nothing is added up or rounded.
 */
public final class PdfFill {

    private final Map<String, Object> parameters;
    private final List<Map<String, ?>> rows;

    private PdfFill(Map<String, Object> parameters, List<Map<String, ?>> rows) {
        this.parameters = parameters;
        this.rows = rows;
    }

    public static PdfFill of(InvoiceDocument invoice, Object logo, String footer) {
        Locale locale = invoice.customer().language();
        LocalizedFormat format = new LocalizedFormat(locale);
        InvoiceLabels labels = new InvoiceLabels(locale);
        Totals totals = invoice.totals();
        boolean creditNote = invoice.type() == DocumentType.CREDIT_NOTE;

        Map<String, Object> p = new HashMap<>();
        p.put(JRParameter.REPORT_LOCALE, locale);
        p.put(JRParameter.REPORT_RESOURCE_BUNDLE, labels.bundle());
        p.put("LOGO", logo);
        p.put("IS_CREDIT_NOTE", creditNote);
        Party issuer = invoice.issuer().party();
        p.put("ISSUER_NAME", issuer.name());
        p.put("ISSUER_ADDRESS", address(issuer.address(), locale));
        p.put("ISSUER_CONTACT", contact(issuer, labels));
        Party customer = invoice.customer().party();
        p.put("CUSTOMER_NAME", customer.name());
        p.put("CUSTOMER_ADDRESS", address(customer.address(), locale));
        p.put("CUSTOMER_TAX_ID", customer.taxId());
        p.put("NUMBER", invoice.number());
        p.put("ACCOUNT_ID", invoice.accountId());
        p.put("ISSUE_DATE", format.date(invoice.issueDate()));
        p.put("DUE_DATE", format.date(invoice.dueDate()));
        p.put(
                "SERVICE_PERIOD",
                format.date(invoice.period().start()) + " – "
                        + format.date(invoice.period().lastDay()));
        p.put(
                "CORRECTION",
                creditNote ? labels.format("text.correction", invoice.correctedNumber(), invoice.reason()) : "");
        p.put("SUBTOTAL", format.money(totals.subtotal()));
        p.put("DISCOUNT", deduction(totals.discount(), format));
        p.put("CREDITS", deduction(totals.credits(), format));
        p.put("TAXABLE", format.money(totals.taxable()));
        p.put("TAX_LABEL", labels.format("label.tax", format.percent(totals.taxRatePercent())));
        p.put("TAX", format.money(totals.tax()));
        p.put("TOTAL", format.money(totals.total()));
        boolean reverseCharge = invoice.customer().tax() instanceof TaxTreatment.ReverseCharge;
        p.put("TAX_NOTICE", reverseCharge ? labels.text("notice.reverseCharge") : null);
        p.put("PAYMENT_TERMS", paymentTerms(invoice, format, labels));
        p.put("BANK_NAME", invoice.issuer().bank().bankName());
        p.put("IBAN", groupedIban(invoice.issuer().bank().iban()));
        p.put("BIC", invoice.issuer().bank().bic());
        p.put("FOOTER", footer);

        List<Map<String, ?>> rows = new ArrayList<>(invoice.lines().size());
        for (InvoiceLine line : invoice.lines()) {
            rows.add(Map.of(
                    "service", line.service(),
                    "description", line.description(),
                    "quantity", format.number(line.quantity(), 0),
                    "unit", line.unit(),
                    "unitPrice", format.number(line.unitPrice(), 2),
                    "amount", format.money(line.amount())));
        }
        return new PdfFill(p, rows);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    public JRMapCollectionDataSource rows() {
        return new JRMapCollectionDataSource(rows);
    }

    /** Discount and credits are stored positive and printed as what they are: deductions. Zero: no row. */
    private static String deduction(Money amount, LocalizedFormat format) {
        return amount.amount().signum() == 0 ? null : "-" + format.money(amount);
    }

    private static String paymentTerms(InvoiceDocument invoice, LocalizedFormat format, InvoiceLabels labels) {
        String total = format.money(invoice.totals().total());
        if (invoice.type() == DocumentType.CREDIT_NOTE) {
            return labels.format("text.creditTerms", total);
        }
        return labels.format("text.paymentTerms", total, format.date(invoice.dueDate()), invoice.number());
    }

    private static String address(Address address, Locale locale) {
        StringBuilder text = new StringBuilder(address.line1());
        if (!address.line2().isBlank()) {
            text.append('\n').append(address.line2());
        }
        text.append('\n').append(address.postCode()).append(' ').append(address.city());
        text.append('\n').append(new Locale("", address.countryCode()).getDisplayCountry(locale));
        return text.toString();
    }

    private static String contact(Party party, InvoiceLabels labels) {
        StringBuilder text = new StringBuilder();
        if (!party.taxId().isEmpty()) {
            text.append(labels.text("label.vatId")).append(' ').append(party.taxId());
        }
        if (!party.email().isEmpty()) {
            text.append(text.length() > 0 ? "\n" : "").append(party.email());
        }
        return text.toString();
    }

    /** IBANs are read aloud and typed in groups of four, as banks print them. */
    private static String groupedIban(String iban) {
        return iban.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
