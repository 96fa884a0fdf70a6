package io.meterflow.reports.render;

import io.meterflow.rating.plan.Money;
import io.meterflow.reports.invoice.InvoiceDocument;
import io.meterflow.reports.invoice.InvoiceLine;
import io.meterflow.reports.invoice.Totals;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * An invoice as CSV (RFC 4180, comma, CRLF, UTF-8) for spreadsheets and accounting imports: one
 * {@code line} record per invoice line, then one record per total. Every figure is the snapshot's
 * own plain decimal ({@link BigDecimal#toPlainString()}), never localised and never rounded, with
 * its currency beside it. The columns are listed in the module README.
 */
public final class InvoiceCsvWriter {

    public static final List<String> COLUMNS = List.of(
            "record",
            "document_type",
            "number",
            "account_id",
            "issue_date",
            "due_date",
            "period_start",
            "period_end_exclusive",
            "line_no",
            "kind",
            "service",
            "description",
            "quantity",
            "unit",
            "unit_price",
            "amount",
            "currency",
            "tax_rate_percent");

    public String write(InvoiceDocument invoice) {
        StringWriter out = new StringWriter();
        write(invoice, out);
        return out.toString();
    }

    public void write(InvoiceDocument invoice, Writer out) {
        try {
            record(out, COLUMNS);
            int lineNo = 0;
            for (InvoiceLine line : invoice.lines()) {
                lineNo++;
                List<String> row = header(invoice, "line");
                row.add(Integer.toString(lineNo));
                row.add(line.kind().name());
                row.add(line.service());
                row.add(line.description());
                row.add(line.quantity().toPlainString());
                row.add(line.unit());
                row.add(line.unitPrice().toPlainString());
                row.add(line.amount().amount().toPlainString());
                row.add(line.amount().currency().getCurrencyCode());
                row.add("");
                record(out, row);
            }
            Totals totals = invoice.totals();
            total(out, invoice, "subtotal", totals.subtotal(), "");
            total(out, invoice, "discount", totals.discount(), "");
            total(out, invoice, "credits", totals.credits(), "");
            total(out, invoice, "taxable", totals.taxable(), "");
            total(out, invoice, "tax", totals.tax(), totals.taxRatePercent().toPlainString());
            total(out, invoice, "total", totals.total(), "");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Invoice " + invoice.id() + " could not be written as CSV", e);
        }
    }

    private static void total(Writer out, InvoiceDocument invoice, String record, Money amount, String rate)
            throws IOException {
        List<String> row = header(invoice, record);
        for (int i = 0; i < 7; i++) {
            row.add(""); // line_no .. unit_price: not a line
        }
        row.add(amount.amount().toPlainString());
        row.add(amount.currency().getCurrencyCode());
        row.add(rate);
        record(out, row);
    }

    private static List<String> header(InvoiceDocument invoice, String record) {
        List<String> row = new ArrayList<>(COLUMNS.size());
        row.add(record);
        row.add(invoice.type().name());
        row.add(invoice.number());
        row.add(invoice.accountId());
        row.add(invoice.issueDate() == null ? "" : invoice.issueDate().toString());
        row.add(invoice.dueDate() == null ? "" : invoice.dueDate().toString());
        row.add(invoice.period().start().toString());
        row.add(invoice.period().end().toString());
        return row;
    }

    private static void record(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** RFC 4180; a leading =, +, - or @ is kept as is: figures like -12.50 must stay numbers. */
    private static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
