package io.meterflow.reports.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.rating.plan.Money;
import io.meterflow.reports.account.PartyJson;
import io.meterflow.reports.invoice.DocumentType;
import io.meterflow.reports.invoice.InvoiceDocument;
import io.meterflow.reports.invoice.InvoiceLine;
import io.meterflow.reports.invoice.LineKind;
import io.meterflow.reports.invoice.ServicePeriod;
import io.meterflow.reports.invoice.Totals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * An invoice snapshot as stored and as the API shows it. Amounts are decimal strings (never
 * floats) beside the document's currency; reading a stored snapshot gives back the same value.
 */
public final class DocumentJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DocumentJson() {}

    public static ObjectNode write(InvoiceDocument d) {
        ObjectNode node = NODES.objectNode();
        node.put("type", d.type().name().toLowerCase(Locale.ROOT));
        node.put("id", d.id());
        node.put("number", d.number());
        node.put("account_id", d.accountId());
        node.set("issuer", PartyJson.issuer(d.issuer()));
        node.set("customer", PartyJson.customer(d.customer()));
        node.putObject("period")
                .put("start", d.period().start().toString())
                .put("end", d.period().end().toString())
                .put("time_zone", d.period().zone().getId());
        node.put("issue_date", d.issueDate() == null ? null : d.issueDate().toString());
        node.put("due_date", d.dueDate() == null ? null : d.dueDate().toString());
        node.put("currency", d.customer().currency().getCurrencyCode());
        var lines = node.putArray("lines");
        for (InvoiceLine line : d.lines()) {
            lines.addObject()
                    .put("kind", line.kind().name().toLowerCase(Locale.ROOT))
                    .put("service", line.service())
                    .put("description", line.description())
                    .put("quantity", line.quantity().toPlainString())
                    .put("unit", line.unit())
                    .put("unit_price", line.unitPrice().toPlainString())
                    .put("amount", line.amount().amount().toPlainString());
        }
        Totals t = d.totals();
        node.putObject("totals")
                .put("subtotal", t.subtotal().amount().toPlainString())
                .put("discount", t.discount().amount().toPlainString())
                .put("credits", t.credits().amount().toPlainString())
                .put("taxable", t.taxable().amount().toPlainString())
                .put("tax_rate_percent", t.taxRatePercent().toPlainString())
                .put("tax", t.tax().amount().toPlainString())
                .put("total", t.total().amount().toPlainString());
        node.put("corrects_number", d.correctedNumber());
        node.put("reason", d.reason());
        return node;
    }

    public static InvoiceDocument read(JsonNode node) {
        var customer = PartyJson.customer(node.path("customer"), "customer");
        Currency currency = customer.currency();
        List<InvoiceLine> lines = new ArrayList<>();
        for (JsonNode line : node.path("lines")) {
            lines.add(new InvoiceLine(
                    LineKind.valueOf(line.path("kind").asText().toUpperCase(Locale.ROOT)),
                    line.path("service").asText(),
                    line.path("description").asText(),
                    new BigDecimal(line.path("quantity").asText()),
                    line.path("unit").asText(),
                    new BigDecimal(line.path("unit_price").asText()),
                    new Money(new BigDecimal(line.path("amount").asText()), currency)));
        }
        JsonNode t = node.path("totals");
        Totals totals = new Totals(
                money(t, "subtotal", currency),
                money(t, "discount", currency),
                money(t, "credits", currency),
                money(t, "taxable", currency),
                new BigDecimal(t.path("tax_rate_percent").asText()),
                money(t, "tax", currency),
                money(t, "total", currency));
        JsonNode period = node.path("period");
        return new InvoiceDocument(
                DocumentType.valueOf(node.path("type").asText().toUpperCase(Locale.ROOT)),
                node.path("id").asText(),
                node.path("number").asText(""),
                node.path("account_id").asText(),
                PartyJson.issuer(
                        node.path("issuer"), node.path("issuer").path("id").asText()),
                customer,
                new ServicePeriod(
                        LocalDate.parse(period.path("start").asText()),
                        LocalDate.parse(period.path("end").asText()),
                        ZoneId.of(period.path("time_zone").asText())),
                date(node, "issue_date"),
                date(node, "due_date"),
                lines,
                totals,
                node.path("corrects_number").asText(""),
                node.path("reason").asText(""));
    }

    private static Money money(JsonNode node, String field, Currency currency) {
        return new Money(new BigDecimal(node.path(field).asText()), currency);
    }

    private static LocalDate date(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? null : LocalDate.parse(value.asText());
    }
}
