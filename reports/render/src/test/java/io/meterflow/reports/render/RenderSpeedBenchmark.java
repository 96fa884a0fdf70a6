package io.meterflow.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.reports.invoice.InvoiceDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A billing run's rendering: 1,000 invoices as PDF, CSV and JSON must fit well within two minutes
 * on two shared cores. Measured after warm-up, on two worker threads; the bound is loose because
 * the machine is shared, the log line carries the figure.
 */
class RenderSpeedBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RenderSpeedBenchmark.class);
    private static final int INVOICES = 300;

    @Test
    void rendersABatchWellWithinBudget() throws Exception {
        InvoicePdfRenderer pdf = new InvoicePdfRenderer(Branding.defaults());
        InvoiceCsvWriter csv = new InvoiceCsvWriter();
        InvoiceJsonWriter json = new InvoiceJsonWriter();
        InvoiceDocument german = TestInvoices.standardInvoice(Locale.GERMAN);
        InvoiceDocument english = TestInvoices.reverseChargeInvoice(Locale.ENGLISH);
        for (int i = 0; i < 30; i++) {
            pdf.render(i % 2 == 0 ? german : english);
        }

        ExecutorService workers = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < INVOICES; i++) {
                InvoiceDocument invoice = i % 2 == 0 ? german : english;
                results.add(workers.submit(() -> pdf.render(invoice).length
                        + csv.write(invoice).length()
                        + json.write(invoice).length()));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isPositive();
            }
        } finally {
            workers.shutdown();
        }
        double millisPerInvoice = (System.nanoTime() - start) / 1e6 / INVOICES;
        LOG.info(
                "Rendered {} invoices (PDF+CSV+JSON) on 2 threads: {} ms per invoice, {} s per 1,000",
                INVOICES,
                String.format(Locale.ROOT, "%.1f", millisPerInvoice),
                String.format(Locale.ROOT, "%.1f", millisPerInvoice));

        assertThat(millisPerInvoice)
                .as("ms per invoice; 120 ms would be 2 minutes per 1,000")
                .isLessThan(60);
    }

    @Test
    void measuresFacturX() {
        FacturXRenderer facturX = new FacturXRenderer(new InvoicePdfRenderer(Branding.defaults()));
        InvoiceDocument invoice = TestInvoices.standardInvoice(Locale.GERMAN);
        for (int i = 0; i < 10; i++) {
            facturX.render(invoice);
        }
        int count = 40;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            assertThat(facturX.render(invoice)).isNotEmpty();
        }
        double millis = (System.nanoTime() - start) / 1e6 / count;
        LOG.info(
                "Factur-X (PDF/A-3 + CII XML), one thread: {} ms per invoice",
                String.format(Locale.ROOT, "%.1f", millis));

        assertThat(millis).isLessThan(1000);
    }
}
