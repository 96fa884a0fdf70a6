package io.meterflow.reports.invoicing;

import java.util.List;
import java.util.UUID;

/** What an invoice run did: drafts created or recomputed, accounts left alone because issued. */
public record RunResult(String period, int created, int recomputed, int alreadyIssued, List<UUID> drafts) {}
