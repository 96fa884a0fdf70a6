package io.meterflow.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.demo.DemoInvoice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues one invoice per account for a period through the reports API, unless the account already
 * has an invoice of that period start that left the draft state: a restart, even on a later day
 * (a longer month-to-date period), issues nothing twice.
 */
public final class InvoiceIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(InvoiceIssuer.class);
    private static final Set<String> FINAL = Set.of("issued", "paid", "voided", "skipped");
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final ServiceClient reports;
    private final Clock clock;

    public InvoiceIssuer(ServiceClient reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    public List<DemoInvoice> issue(List<String> accountIds, LocalDate start, LocalDate end, Duration timeout)
            throws InterruptedException {
        List<DemoInvoice> invoices = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String account : accountIds) {
            Optional<JsonNode> done = invoices(account).stream()
                    .filter(i -> i.path("period_start").asText().equals(start.toString()))
                    .filter(i -> FINAL.contains(i.path("status").asText()))
                    .findFirst();
            done.ifPresentOrElse(i -> invoices.add(invoice(i, false)), () -> missing.add(account));
        }
        if (missing.isEmpty()) {
            return invoices;
        }
        run(start, end, timeout);
        for (String account : accountIds) {
            for (JsonNode draft : drafts(account, start, end)) {
                if (missing.contains(account)) {
                    String id = draft.path("id").asText();
                    reports.post("v1/invoices/" + id + "/actions/issue", Map.of())
                            .orThrow("issuing invoice " + id);
                    JsonNode issued = reports.get("v1/invoices/" + id).orThrow("reading invoice " + id);
                    LOG.info(
                            "demo invoice {} issued for account {} ({} to {})",
                            issued.path("number").asText(),
                            account,
                            start,
                            end);
                    invoices.add(invoice(issued, true));
                    missing.remove(account);
                } else {
                    // The run computes every account; this one was issued by an earlier start, so its new draft goes.
                    reports.delete("v1/invoices/" + draft.path("id").asText());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new DemoApiException("the invoice run for " + start + "/" + end + " made no draft for " + missing);
        }
        return invoices;
    }

    /** An invoice run, retried while the reports service finds the period not fully rated yet. */
    private void run(LocalDate start, LocalDate end, Duration timeout) throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        Map<String, String> period = Map.of("start", start.toString(), "end", end.toString());
        while (true) {
            ServiceClient.Answer answer = reports.post("v1/invoice-runs", period);
            if (answer.ok()) {
                return;
            }
            if (answer.status() != 409 || clock.instant().isAfter(deadline)) {
                answer.orThrow("the invoice run for " + start + "/" + end);
            }
            Thread.sleep(RETRY.toMillis());
        }
    }

    private List<JsonNode> invoices(String account) throws InterruptedException {
        List<JsonNode> found = new ArrayList<>();
        reports.get("v1/invoices?account_id=" + account + "&limit=1000")
                .orThrow("listing the invoices of " + account)
                .path("invoices")
                .forEach(i -> {
                    if (i.path("type").asText("invoice").equals("invoice")) {
                        found.add(i);
                    }
                });
        return found;
    }

    private List<JsonNode> drafts(String account, LocalDate start, LocalDate end) throws InterruptedException {
        return invoices(account).stream()
                .filter(i -> i.path("status").asText().equals("draft"))
                .filter(i -> i.path("period_start").asText().equals(start.toString()))
                .filter(i -> i.path("period_end").asText().equals(end.toString()))
                .toList();
    }

    private static DemoInvoice invoice(JsonNode node, boolean issuedNow) {
        return new DemoInvoice(
                node.path("account_id").asText(),
                node.path("id").asText(),
                node.path("number").isTextual() ? node.path("number").asText() : "",
                node.path("status").asText(),
                LocalDate.parse(node.path("period_start").asText()),
                LocalDate.parse(node.path("period_end").asText()),
                node.path("total").asText(),
                node.path("currency").asText(),
                issuedNow);
    }
}
