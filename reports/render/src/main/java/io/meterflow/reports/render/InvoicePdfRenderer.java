package io.meterflow.reports.render;

import io.meterflow.reports.invoice.InvoiceDocument;
import io.meterflow.reports.render.internal.InvoiceTemplate;
import io.meterflow.reports.render.internal.Logos;
import io.meterflow.reports.render.internal.PdfFill;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.type.PdfaConformanceEnum;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An issued invoice or credit note as a PDF, in the customer's language, from one template
 * compiled when the renderer is built. Thread-safe: a billing run shares one renderer across its
 * workers.
 *
 * <p>The PDF is PDF/A-3b (fonts embedded, sRGB output intent): invoices are archived for ten years,
 * and it is the form Factur-X embeds its XML into.
 */
public final class InvoicePdfRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(InvoicePdfRenderer.class);
    private static final String ICC_PROFILE = "io/meterflow/reports/render/sRGB.icc";

    private final JasperReport template;
    private final Logos logos;
    private final String footer;

    /**
     * Compiles the template now.
     *
     * @throws InvoiceTemplateException if the template or the logo is missing or invalid
     */
    public InvoicePdfRenderer(Branding branding) {
        this.template = InvoiceTemplate.compile(branding);
        this.logos = new Logos(branding.logoFile());
        this.footer = branding.footerText();
        LOG.info(
                "Invoice template {} compiled",
                branding.templateFile().map(Object::toString).orElse("built-in"));
    }

    public byte[] render(InvoiceDocument invoice) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        render(invoice, pdf);
        return pdf.toByteArray();
    }

    public void render(InvoiceDocument invoice, OutputStream out) {
        try {
            PdfFill fill = PdfFill.of(invoice, logos.forIssuer(invoice.issuer()), footer);
            JasperPrint print = JasperFillManager.fillReport(template, fill.parameters(), fill.rows());
            JRPdfExporter exporter = new JRPdfExporter();
            exporter.setExporterInput(new SimpleExporterInput(print));
            exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
            exporter.setConfiguration(configuration(invoice));
            exporter.exportReport();
        } catch (JRException | RuntimeException e) {
            throw new InvoiceRenderException(
                    "Invoice " + invoice.id() + " (" + invoice.number() + ") could not be rendered as PDF: "
                            + e.getMessage(),
                    e);
        }
    }

    private static SimplePdfExporterConfiguration configuration(InvoiceDocument invoice) {
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setPdfaConformance(PdfaConformanceEnum.PDFA_3B);
        configuration.setIccProfilePath(ICC_PROFILE);
        configuration.setMetadataTitle(invoice.type() + " " + invoice.number());
        configuration.setMetadataAuthor(invoice.issuer().party().name());
        configuration.setMetadataCreator("Meterflow");
        return configuration;
    }
}
