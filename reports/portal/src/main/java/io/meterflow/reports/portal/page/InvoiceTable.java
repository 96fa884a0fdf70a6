package io.meterflow.reports.portal.page;

import io.meterflow.reports.portal.invoice.InvoiceFormat;
import io.meterflow.reports.portal.invoice.TenantInvoice;
import java.util.List;

/** The signed-in account's invoices with their download links. */
final class InvoiceTable {

    private InvoiceTable() {}

    static String render(List<TenantInvoice> invoices) {
        StringBuilder out = new StringBuilder("<section class=\"panel\" id=\"invoices\"><h2>Invoices</h2>");
        if (invoices.isEmpty()) {
            return out.append("<p class=\"muted\">No invoice has been issued yet.</p></section>")
                    .toString();
        }
        out.append("<table><thead><tr><th>number</th><th>service period</th><th>issued</th><th>status</th>"
                + "<th class=\"num\">total</th><th>download</th></tr></thead><tbody>");
        for (TenantInvoice invoice : invoices) {
            out.append("<tr class=\"invoice\"><td>")
                    .append(Html.escape(invoice.number()))
                    .append("</td><td>")
                    .append(invoice.periodStart())
                    .append(" – ")
                    .append(invoice.periodEnd())
                    .append("</td><td>")
                    .append(invoice.issueDate())
                    .append("</td><td><span class=\"status\">")
                    .append(Html.escape(invoice.status()))
                    .append("</span></td><td class=\"num\">")
                    .append(Html.escape(Figures.amount(invoice.total(), invoice.currency())))
                    .append("</td><td>")
                    .append(download(invoice, InvoiceFormat.PDF))
                    .append(' ')
                    .append(download(invoice, InvoiceFormat.CSV))
                    .append("</td></tr>");
        }
        return out.append("</tbody></table></section>").toString();
    }

    private static String download(TenantInvoice invoice, InvoiceFormat format) {
        return "<a class=\"download\" href=\"/portal/invoices/" + Html.param(invoice.id()) + "/" + format.extension()
                + "\">" + format.name() + "</a>";
    }
}
