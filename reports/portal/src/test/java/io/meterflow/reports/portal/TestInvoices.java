package io.meterflow.reports.portal;

import io.meterflow.reports.portal.invoice.InvoiceFile;
import io.meterflow.reports.portal.invoice.InvoiceFormat;
import io.meterflow.reports.portal.invoice.TenantInvoice;
import io.meterflow.reports.portal.invoice.TenantInvoices;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The invoice port as the reports server implements it, in memory: each project's account has its
 * own invoices, and a file is found only through the project whose account issued it.
 */
public final class TestInvoices implements TenantInvoices {

    private final Map<String, List<TenantInvoice>> byProject;

    public TestInvoices(Map<String, List<TenantInvoice>> byProject) {
        this.byProject = Map.copyOf(byProject);
    }

    @Override
    public List<TenantInvoice> of(ProjectId project) {
        return byProject.getOrDefault(project.value(), List.of());
    }

    @Override
    public Optional<InvoiceFile> file(ProjectId project, String invoiceId, InvoiceFormat format) {
        return of(project).stream()
                .filter(invoice -> invoice.id().equals(invoiceId))
                .findFirst()
                .map(invoice -> switch (format) {
                    case PDF -> new InvoiceFile(pdf(invoice.number()), "application/pdf", invoice.number() + ".pdf");
                    case CSV ->
                        new InvoiceFile(
                                ("number,total\n" + invoice.number() + "," + invoice.total() + "\n")
                                        .getBytes(StandardCharsets.UTF_8),
                                "text/csv",
                                invoice.number() + ".csv");
                    case JSON ->
                        new InvoiceFile(
                                ("{\"number\": \"" + invoice.number() + "\"}").getBytes(StandardCharsets.UTF_8),
                                "application/json",
                                invoice.number() + ".json");
                });
    }

    private static byte[] pdf(String number) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
                text.newLineAtOffset(72, 720);
                text.showText("Invoice " + number);
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
