package io.meterflow.reports.invoicing;

import io.meterflow.reports.invoice.InvoiceDocument;
import java.util.function.Function;

/** One downloadable form of an invoice: its media type, file extension and renderer. */
public record Rendering(String mediaType, String extension, Function<InvoiceDocument, byte[]> render) {}
