package io.meterflow.reports.render;

import io.meterflow.reports.invoice.InvoiceDocument;
import io.meterflow.reports.render.internal.FacturXInvoice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import org.mustangproject.Invoice;
import org.mustangproject.ZUGFeRD.IZUGFeRDExporter;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromPDFA;

/**
 * An EN 16931 e-invoice: Factur-X 1.0 / ZUGFeRD 2.x, profile EN16931, i.e. the invoice's CII XML
 * ({@code factur-x.xml}) embedded in its PDF/A-3 rendering, so one file is both what a person
 * reads and what an accounting system books. Thread-safe.
 */
public final class FacturXRenderer {

    private static final String PROFILE = "EN16931";

    private final InvoicePdfRenderer pdf;

    /** Shares the PDF renderer (and its compiled template) with the plain PDF output. */
    public FacturXRenderer(InvoicePdfRenderer pdf) {
        this.pdf = Objects.requireNonNull(pdf, "pdf");
    }

    public byte[] render(InvoiceDocument invoice) {
        if (!invoice.isIssued()) {
            throw new IllegalArgumentException("Invoice " + invoice.id() + " is a draft: e-invoices are issued ones");
        }
        Invoice transaction = FacturXInvoice.of(invoice);
        try {
            FacturXInvoice.checkTotals(transaction, invoice);
        } catch (IllegalStateException e) {
            throw new InvoiceRenderException("Invoice " + invoice.number() + ": " + e.getMessage(), e);
        }
        byte[] pdfA = pdf.render(invoice);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdfA.length + 32 * 1024);
        try (IZUGFeRDExporter exporter = new ZUGFeRDExporterFromPDFA().load(pdfA)) {
            exporter.setProducer("Meterflow");
            exporter.setCreator("Meterflow");
            exporter.setProfile(Profiles.getByName(PROFILE));
            exporter.setTransaction(transaction);
            exporter.export(out);
        } catch (IOException | RuntimeException e) {
            throw new InvoiceRenderException(
                    "Invoice " + invoice.number() + " could not be written as Factur-X: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
