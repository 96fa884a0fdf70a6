package io.meterflow.reports.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.rating.plan.Money;
import io.meterflow.reports.invoice.Address;
import io.meterflow.reports.invoice.InvoiceDocument;
import io.meterflow.reports.invoice.InvoiceLine;
import io.meterflow.reports.invoice.Party;
import io.meterflow.reports.invoice.TaxTreatment;
import io.meterflow.reports.invoice.Totals;
import java.time.LocalDate;

/**
 * An invoice as JSON for machines (the tenant portal, an ERP import). Amounts are objects
 * {@code {"amount": "1434.05", "currency": "EUR"}} whose amount is a string holding the snapshot's
 * plain decimal: a JSON number would be read as a double by most consumers. The fields are listed
 * in the module README. Thread-safe.
 */
public final class InvoiceJsonWriter {

    private final ObjectMapper mapper;

    public InvoiceJsonWriter() {
        this.mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    public String write(InvoiceDocument invoice) {
        try {
            return mapper.writeValueAsString(tree(invoice));
        } catch (JsonProcessingException e) {
            throw new InvoiceRenderException("Invoice " + invoice.id() + " could not be written as JSON", e);
        }
    }

    public ObjectNode tree(InvoiceDocument invoice) {
        ObjectNode root = mapper.createObjectNode();
        root.put("type", invoice.type().name());
        root.put("id", invoice.id());
        root.put("number", invoice.number());
        root.put("accountId", invoice.accountId());
        root.put("issueDate", date(invoice.issueDate()));
        root.put("dueDate", date(invoice.dueDate()));
        root.put("currency", invoice.customer().currency().getCurrencyCode());
        root.put("language", invoice.customer().language().toLanguageTag());
        ObjectNode period = root.putObject("servicePeriod");
        period.put("start", invoice.period().start().toString());
        period.put("endExclusive", invoice.period().end().toString());
        period.put("lastDay", invoice.period().lastDay().toString());
        period.put("zone", invoice.period().zone().getId());
        if (!invoice.correctedNumber().isEmpty()) {
            root.put("correctedNumber", invoice.correctedNumber());
            root.put("reason", invoice.reason());
        }
        ObjectNode issuer = party(root.putObject("issuer"), invoice.issuer().party());
        issuer.put("id", invoice.issuer().id());
        ObjectNode bank = issuer.putObject("bank");
        bank.put("name", invoice.issuer().bank().bankName());
        bank.put("iban", invoice.issuer().bank().iban());
        bank.put("bic", invoice.issuer().bank().bic());
        ObjectNode customer =
                party(root.putObject("customer"), invoice.customer().party());
        customer.put(
                "taxTreatment",
                invoice.customer().tax() instanceof TaxTreatment.ReverseCharge ? "REVERSE_CHARGE" : "STANDARD");
        ArrayNode lines = root.putArray("lines");
        for (InvoiceLine line : invoice.lines()) {
            ObjectNode node = lines.addObject();
            node.put("kind", line.kind().name());
            node.put("service", line.service());
            node.put("description", line.description());
            node.put("quantity", line.quantity().toPlainString());
            node.put("unit", line.unit());
            node.put("unitPrice", line.unitPrice().toPlainString());
            money(node, "amount", line.amount());
        }
        Totals totals = invoice.totals();
        ObjectNode sums = root.putObject("totals");
        money(sums, "subtotal", totals.subtotal());
        money(sums, "discount", totals.discount());
        money(sums, "credits", totals.credits());
        money(sums, "taxable", totals.taxable());
        sums.put("taxRatePercent", totals.taxRatePercent().toPlainString());
        money(sums, "tax", totals.tax());
        money(sums, "total", totals.total());
        return root;
    }

    private static ObjectNode party(ObjectNode node, Party party) {
        node.put("name", party.name());
        Address address = party.address();
        ObjectNode a = node.putObject("address");
        a.put("line1", address.line1());
        a.put("line2", address.line2());
        a.put("postCode", address.postCode());
        a.put("city", address.city());
        a.put("countryCode", address.countryCode());
        node.put("taxId", party.taxId());
        node.put("email", party.email());
        return node;
    }

    private static void money(ObjectNode parent, String field, Money money) {
        ObjectNode node = parent.putObject(field);
        node.put("amount", money.amount().toPlainString());
        node.put("currency", money.currency().getCurrencyCode());
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
