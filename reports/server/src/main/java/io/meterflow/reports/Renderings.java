package io.meterflow.reports;

import io.meterflow.reports.invoicing.Rendering;
import io.meterflow.reports.render.Branding;
import io.meterflow.reports.render.FacturXRenderer;
import io.meterflow.reports.render.InvoiceCsvWriter;
import io.meterflow.reports.render.InvoiceJsonWriter;
import io.meterflow.reports.render.InvoicePdfRenderer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The downloadable forms of an invoice, by the name the API uses. The PDF template is compiled
 * here, when the service starts, so a broken template or logo stops the start with its file named
 * instead of failing the first download.
 */
final class Renderings {

    private Renderings() {}

    /** PDF, CSV and JSON: what the month-end batch writes for every invoice. */
    static Map<String, Rendering> create(ReportsConfiguration.RenderingConfiguration config) {
        return create(new InvoicePdfRenderer(branding(config)), false);
    }

    /** With the EN 16931 e-invoice (Factur-X: CII XML in a PDF/A-3), for the API and batches that ask. */
    static Map<String, Rendering> withFacturX(ReportsConfiguration.RenderingConfiguration config) {
        return create(new InvoicePdfRenderer(branding(config)), true);
    }

    /** One compiled template serves the PDF and the e-invoice: compiling it takes seconds at start. */
    private static Map<String, Rendering> create(InvoicePdfRenderer pdf, boolean facturX) {
        InvoiceCsvWriter csv = new InvoiceCsvWriter();
        InvoiceJsonWriter json = new InvoiceJsonWriter();
        Map<String, Rendering> renderings = new LinkedHashMap<>();
        renderings.put("pdf", new Rendering("application/pdf", "pdf", pdf::render));
        renderings.put(
                "csv",
                new Rendering(
                        "text/csv; charset=utf-8",
                        "csv",
                        document -> csv.write(document).getBytes(StandardCharsets.UTF_8)));
        renderings.put(
                "json",
                new Rendering(
                        "application/json",
                        "json",
                        document -> json.write(document).getBytes(StandardCharsets.UTF_8)));
        if (facturX) {
            FacturXRenderer eInvoice = new FacturXRenderer(pdf);
            renderings.put("facturx", new Rendering("application/pdf", "facturx.pdf", eInvoice::render));
        }
        return renderings;
    }

    private static Branding branding(ReportsConfiguration.RenderingConfiguration config) {
        return new Branding(
                config.logo().isEmpty() ? null : Path.of(config.logo()),
                config.primaryColor(),
                config.accentColor(),
                config.footer(),
                config.template().isEmpty() ? null : Path.of(config.template()));
    }
}
