package io.meterflow.reports.tenant;

import io.meterflow.reports.database.Transactions;
import io.meterflow.reports.invoicing.InvoiceRecord;
import io.meterflow.reports.invoicing.Invoices;
import io.meterflow.reports.invoicing.Rendering;
import io.meterflow.reports.portal.ProjectId;
import io.meterflow.reports.portal.invoice.InvoiceFile;
import io.meterflow.reports.portal.invoice.InvoiceFormat;
import io.meterflow.reports.portal.invoice.TenantInvoice;
import io.meterflow.reports.portal.invoice.TenantInvoices;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The portal's view of invoices: only the issued invoices of the account the signed-in project
 * belongs to, chosen by the query ({@link Invoices#ofProjectAccount}), never filtered afterwards.
 */
public final class AccountInvoices implements TenantInvoices {

    private final Transactions transactions;
    private final Invoices invoices;
    private final Map<String, Rendering> renderings;

    public AccountInvoices(Transactions transactions, Invoices invoices, Map<String, Rendering> renderings) {
        this.transactions = transactions;
        this.invoices = invoices;
        this.renderings = renderings;
    }

    @Override
    public List<TenantInvoice> of(ProjectId project) {
        return transactions.run(c -> invoices.ofProjectAccount(c, project.value(), null)).stream()
                .map(AccountInvoices::view)
                .toList();
    }

    @Override
    public Optional<InvoiceFile> file(ProjectId project, String invoiceId, InvoiceFormat format) {
        UUID id;
        try {
            id = UUID.fromString(invoiceId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Rendering rendering = renderings.get(format.extension());
        if (rendering == null) {
            return Optional.empty();
        }
        return transactions.run(c -> invoices.ofProjectAccount(c, project.value(), id)).stream()
                .findFirst()
                .map(invoice -> new InvoiceFile(
                        rendering.render().apply(invoice.document()),
                        rendering.mediaType(),
                        invoice.document().number() + "." + rendering.extension()));
    }

    private static TenantInvoice view(InvoiceRecord invoice) {
        var d = invoice.document();
        return new TenantInvoice(
                invoice.id().toString(),
                d.number(),
                d.period().start(),
                d.period().lastDay(),
                d.issueDate(),
                invoice.status().apiName(),
                d.totals().total().amount(),
                d.customer().currency());
    }
}
