package io.meterflow.reports.portal.invoice;

import io.meterflow.reports.portal.ProjectId;
import java.util.List;
import java.util.Optional;

/**
 * The issued invoices a tenant may see: the port the reports server implements over its invoice
 * store. Every method takes the signed-in project, and an implementation must answer only the
 * invoices of the billing account that project belongs to, in its query: the portal never looks an
 * invoice up by id alone.
 */
public interface TenantInvoices {

    /** The account's issued invoices, the newest first. */
    List<TenantInvoice> of(ProjectId project);

    /**
     * The rendered invoice in {@code format} ({@code pdf}, {@code csv} or {@code json}); empty when
     * the invoice does not exist or belongs to another account (the two are not told apart).
     */
    Optional<InvoiceFile> file(ProjectId project, String invoiceId, InvoiceFormat format);
}
