package io.meterflow.reports.invoicing;

import io.meterflow.reports.invoice.InvoiceDocument;
import io.meterflow.reports.invoice.InvoiceStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An invoice or credit note as stored: its state, its snapshot and what it billed. */
public record InvoiceRecord(
        UUID id,
        InvoiceStatus status,
        String issuerId,
        InvoiceDocument document,
        List<BilledUsage> billed,
        Optional<UUID> corrects,
        Instant createdAt,
        Optional<Instant> issuedAt,
        Optional<Instant> paidAt,
        Optional<Instant> voidedAt) {}
