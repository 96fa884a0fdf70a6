package io.meterflow.reports.render.internal;

import io.meterflow.rating.plan.Money;
import io.meterflow.reports.invoice.Address;
import io.meterflow.reports.invoice.DocumentType;
import io.meterflow.reports.invoice.InvoiceDocument;
import io.meterflow.reports.invoice.InvoiceLine;
import io.meterflow.reports.invoice.Party;
import io.meterflow.reports.invoice.TaxTreatment;
import io.meterflow.reports.invoice.Totals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.mustangproject.Allowance;
import org.mustangproject.BankDetails;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.TransactionCalculator;

/**
 * An invoice snapshot as Mustang's EN 16931 model: seller and buyer with postal addresses and VAT
 * ids, one item per line (its amount given, not recomputed), discount and credits as document-level
 * allowances, one VAT category (S with the rate, or AE with the reverse-charge exemption), and SEPA
 * credit transfer to the issuer's IBAN.
 *
 * <p>Mustang computes the XML's totals itself. {@link #checkTotals} compares them with the snapshot
 * and refuses a difference, so the e-invoice can never state other figures than the PDF.
 */
public final class FacturXInvoice {

    /** VATEX code for reverse charge (CEF VATEX code list), carried with the reason text (BR-AE-10). */
    static final String REVERSE_CHARGE_CODE = "VATEX-EU-AE";

    static final String REVERSE_CHARGE_TEXT = "Reverse charge";

    private FacturXInvoice() {}

    public static Invoice of(InvoiceDocument document) {
        Totals totals = document.totals();
        boolean reverseCharge = document.customer().tax() instanceof TaxTreatment.ReverseCharge;
        String category = reverseCharge ? "AE" : "S";
        BigDecimal rate = reverseCharge ? BigDecimal.ZERO : totals.taxRatePercent();
        InvoiceLabels labels = new InvoiceLabels(document.customer().language());
        LocalizedFormat format = new LocalizedFormat(document.customer().language());

        TradeParty seller = party(document.issuer().party());
        BankDetails bank = new BankDetails(
                document.issuer().bank().iban(),
                emptyToNull(document.issuer().bank().bic()));
        if (!document.issuer().bank().bankName().isEmpty()) {
            bank.setAccountName(document.issuer().party().name());
        }
        seller.addBankDetails(bank);
        TradeParty buyer = party(document.customer().party());

        Invoice invoice = new Invoice()
                .setNumber(document.number())
                .setIssueDate(date(document.issueDate()))
                .setDueDate(date(document.dueDate()))
                .setDetailedDeliveryPeriod(
                        date(document.period().start()), date(document.period().lastDay()))
                // BT-72: a service billed over a period is completed on its last day.
                .setDeliveryDate(date(document.period().lastDay()))
                .setCurrency(document.customer().currency().getCurrencyCode())
                .setSender(seller)
                .setRecipient(buyer)
                .setReferenceNumber(document.accountId())
                .setPaymentReference(document.number())
                .setPaymentTermDescription(paymentTerms(document, labels, format));
        if (document.type() == DocumentType.CREDIT_NOTE) {
            invoice.setCreditNote();
            invoice.setInvoiceReferencedDocumentID(document.correctedNumber());
            invoice.addNote(labels.format("text.correction", document.correctedNumber(), document.reason()));
        }
        if (reverseCharge) {
            invoice.addNote(labels.text("notice.reverseCharge"));
        }
        for (InvoiceLine line : document.lines()) {
            invoice.addItem(item(line, category, rate, reverseCharge));
        }
        addAllowance(invoice, totals.discount(), "95", "Discount", category, rate);
        addAllowance(invoice, totals.credits(), "104", "Prepaid credits", category, rate);
        return invoice;
    }

    /** @throws IllegalStateException if the XML's computed figures differ from the snapshot's */
    public static void checkTotals(Invoice invoice, InvoiceDocument document) {
        TransactionCalculator calculator = new TransactionCalculator(invoice);
        Totals totals = document.totals();
        compare("taxable amount (BT-109)", calculator.getTaxBasis(), totals.taxable());
        compare("total with VAT (BT-112)", calculator.getGrandTotal(), totals.total());
    }

    private static void compare(String what, BigDecimal computed, Money expected) {
        if (computed.compareTo(expected.amount()) != 0) {
            throw new IllegalStateException("the e-invoice's " + what + " would be " + computed.toPlainString()
                    + " but the invoice says " + expected);
        }
    }

    private static Item item(InvoiceLine line, String category, BigDecimal rate, boolean reverseCharge) {
        String description = line.description();
        if (!UnitCodes.isCoded(line.unit())) {
            description = description.isEmpty() ? "per " + line.unit() : description + " (per " + line.unit() + ")";
        }
        Product product = new Product(line.service(), description, UnitCodes.of(line.unit()), rate);
        product.setTaxCategoryCode(category);
        if (reverseCharge) {
            product.setTaxExemptionReason(REVERSE_CHARGE_TEXT);
            product.setTaxExemptionReasonCode(REVERSE_CHARGE_CODE);
        }
        return new Item(product, line.unitPrice(), line.quantity())
                .setLineTotalAmount(line.amount().amount());
    }

    private static void addAllowance(
            Invoice invoice, Money amount, String reasonCode, String reason, String category, BigDecimal rate) {
        if (amount.amount().signum() == 0) {
            return;
        }
        Allowance allowance = new Allowance(amount.amount());
        allowance.setReason(reason);
        allowance.setReasonCode(reasonCode);
        allowance.setTaxPercent(rate);
        allowance.setCategoryCode(category);
        invoice.addAllowance(allowance);
    }

    private static TradeParty party(Party party) {
        Address address = party.address();
        String street = address.line1();
        TradeParty trade =
                new TradeParty(party.name(), street, address.postCode(), address.city(), address.countryCode());
        if (!address.line2().isBlank()) {
            trade.setAdditionalAddress(address.line2());
        }
        if (!party.taxId().isEmpty()) {
            trade.addVATID(party.taxId());
        }
        if (!party.email().isEmpty()) {
            trade.setEmail(party.email());
        }
        return trade;
    }

    private static String paymentTerms(InvoiceDocument document, InvoiceLabels labels, LocalizedFormat format) {
        String total = format.money(document.totals().total());
        if (document.type() == DocumentType.CREDIT_NOTE) {
            return labels.format("text.creditTerms", total);
        }
        return labels.format("text.paymentTerms", total, format.date(document.dueDate()), document.number());
    }

    /** Mustang writes dates in the JVM's zone: a local date at midnight there is that same date. */
    private static Date date(LocalDate date) {
        return date == null
                ? null
                : Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
