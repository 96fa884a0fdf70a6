package io.meterflow.reports.invoicing;

import io.meterflow.rating.plan.Money;
import io.meterflow.reports.account.Accounts;
import io.meterflow.reports.account.BillingAccount;
import io.meterflow.reports.account.IssuerRecord;
import io.meterflow.reports.account.Issuers;
import io.meterflow.reports.api.ConflictException;
import io.meterflow.reports.api.InvalidInputException;
import io.meterflow.reports.api.NotFoundException;
import io.meterflow.reports.database.Transactions;
import io.meterflow.reports.invoice.DocumentType;
import io.meterflow.reports.invoice.InvoiceAction;
import io.meterflow.reports.invoice.InvoiceCalculator;
import io.meterflow.reports.invoice.InvoiceDocument;
import io.meterflow.reports.invoice.InvoiceLine;
import io.meterflow.reports.invoice.InvoiceStatus;
import io.meterflow.reports.invoice.LineKind;
import io.meterflow.reports.invoice.ServicePeriod;
import io.meterflow.reports.invoice.Totals;
import io.meterflow.reports.ratingsource.RatedUsage;
import io.meterflow.reports.ratingsource.RatingEngineClient;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The moves of an invoice's lifecycle ({@link InvoiceStatus}), each in one transaction with its
 * audit entry: recompute and delete a draft; issue it (plan charges frozen in the rating engine
 * first, then a number from the issuer's gap-free sequence, or skipped at zero); mark it paid or
 * void it; correct it by a credit note.
 */
public final class InvoiceLifecycle {

    private final Transactions transactions;
    private final Invoices invoices;
    private final Accounts accounts;
    private final Issuers issuers;
    private final AuditTrail audit;
    private final InvoiceRuns runs;
    private final RatingEngineClient rating;
    private final InvoiceCalculator calculator;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public InvoiceLifecycle(
            Transactions transactions,
            Invoices invoices,
            Accounts accounts,
            Issuers issuers,
            AuditTrail audit,
            InvoiceRuns runs,
            RatingEngineClient rating,
            InvoiceCalculator calculator,
            Clock clock,
            Supplier<UUID> ids) {
        this.transactions = transactions;
        this.invoices = invoices;
        this.accounts = accounts;
        this.issuers = issuers;
        this.audit = audit;
        this.runs = runs;
        this.rating = rating;
        this.calculator = calculator;
        this.clock = clock;
        this.ids = ids;
    }

    public InvoiceRecord get(UUID id) {
        return transactions
                .run(c -> invoices.find(c, id, false))
                .orElseThrow(() -> new NotFoundException("invoice " + id + " does not exist"));
    }

    public InvoiceRecord recompute(UUID id, String actor) {
        InvoiceRecord invoice = get(id);
        invoice.status().after(InvoiceAction.RECOMPUTE, false);
        runs.run(invoice.document().period(), actor, invoice.document().accountId());
        transactions.run(c -> {
            audit.record(c, actor, "recomputed", id, invoice.document().accountId(), Map.of());
            return null;
        });
        return get(id);
    }

    /** Issues after freezing the account's plan charges and recomputing the draft with them. */
    public InvoiceRecord issue(UUID id, String actor) {
        InvoiceRecord invoice = get(id);
        invoice.status().after(InvoiceAction.ISSUE, false);
        freezePlanCharges(invoice);
        runs.run(invoice.document().period(), actor, invoice.document().accountId());
        return issueAsComputed(id, actor);
    }

    /**
     * Issues the draft as it stands: what a batch does right after a run that computed every draft
     * with frozen charges. Issuing an invoice that is no longer a draft does nothing, so a batch
     * that crashed is simply run again.
     */
    public InvoiceRecord issueAsComputed(UUID id, String actor) {
        return transactions.run(c -> {
            InvoiceRecord draft = invoices.find(c, id, true)
                    .orElseThrow(() -> new NotFoundException("invoice " + id + " does not exist"));
            if (draft.status() != InvoiceStatus.DRAFT) {
                return draft;
            }
            InvoiceDocument document = draft.document();
            boolean zero = document.totals().isZero();
            InvoiceStatus next = draft.status().after(InvoiceAction.ISSUE, zero);
            LocalDate today =
                    LocalDate.ofInstant(clock.instant(), runs.settings().zone());
            InvoiceDocument issued;
            if (next == InvoiceStatus.SKIPPED) {
                issued = document.issued("", today, today);
            } else {
                IssuerRecord issuer = issuers.find(c, draft.issuerId()).orElseThrow();
                String number = issuer.numberFormat().format(issuers.takeNumber(c, draft.issuerId()), today);
                issued = document.issued(
                        number, today, today.plusDays(runs.settings().paymentTermsDays()));
            }
            Instant now = clock.instant();
            invoices.issue(c, id, next, issued, draft.billed(), now);
            audit.record(
                    c,
                    actor,
                    next == InvoiceStatus.SKIPPED ? "skipped" : "issued",
                    id,
                    document.accountId(),
                    Map.of(
                            "number",
                            issued.number(),
                            "total",
                            issued.totals().total().amount().toPlainString()));
            return invoices.find(c, id, false).orElseThrow();
        });
    }

    public InvoiceRecord markPaid(UUID id, String actor) {
        return move(id, actor, InvoiceAction.MARK_PAID, "paid");
    }

    public InvoiceRecord voidInvoice(UUID id, String actor) {
        return move(id, actor, InvoiceAction.VOID, "voided");
    }

    public void delete(UUID id, String actor) {
        transactions.run(c -> {
            InvoiceRecord invoice = invoices.find(c, id, true)
                    .orElseThrow(() -> new NotFoundException("invoice " + id + " does not exist"));
            if (!invoice.status().allowedActions().contains(InvoiceAction.DELETE)) {
                throw new io.meterflow.reports.invoice.IllegalTransitionException(
                        invoice.status(), InvoiceAction.DELETE);
            }
            audit.record(
                    c, actor, "deleted", null, invoice.document().accountId(), Map.of("invoice_id", id.toString()));
            invoices.deleteDraft(c, id);
            return null;
        });
    }

    /**
     * A credit note for an issued or paid invoice: the whole invoice (no amount), or a net amount
     * taxed at the invoice's rate. It is numbered from the issuer's sequence at once and never
     * credits more than the invoice's total still uncredited.
     */
    public InvoiceRecord creditNote(UUID invoiceId, String reason, Optional<BigDecimal> netAmount, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason: required");
        }
        return transactions.run(c -> {
            InvoiceRecord invoice = invoices.find(c, invoiceId, true)
                    .orElseThrow(() -> new NotFoundException("invoice " + invoiceId + " does not exist"));
            if (invoice.document().type() == DocumentType.CREDIT_NOTE) {
                throw new ConflictException("a credit note is not credited again");
            }
            invoice.status().after(InvoiceAction.CREDIT, false);
            InvoiceDocument original = invoice.document();
            List<InvoiceLine> lines;
            Totals totals;
            if (netAmount.isEmpty()) {
                lines = original.lines();
                totals = original.totals();
            } else {
                BigDecimal amount = netAmount.get();
                if (amount.signum() <= 0) {
                    throw new InvalidInputException("amount: must be positive");
                }
                Money net = new Money(amount, original.customer().currency());
                lines = List.of(calculator.line(LineKind.ADJUSTMENT, "credit", reason, BigDecimal.ONE, "", net));
                totals = calculator.totals(
                        lines,
                        net.currency(),
                        BigDecimal.ZERO,
                        Money.zero(net.currency()),
                        original.customer().tax());
            }
            BigDecimal remaining = original.totals().total().amount().subtract(invoices.credited(c, invoiceId));
            if (totals.total().amount().compareTo(remaining) > 0) {
                throw new ConflictException("invoice " + original.number() + " has " + remaining.toPlainString()
                        + " left to credit; this credit note totals "
                        + totals.total().amount().toPlainString());
            }
            LocalDate today =
                    LocalDate.ofInstant(clock.instant(), runs.settings().zone());
            IssuerRecord issuer = issuers.find(c, invoice.issuerId()).orElseThrow();
            String number = issuer.numberFormat().format(issuers.takeNumber(c, invoice.issuerId()), today);
            UUID id = ids.get();
            InvoiceDocument note = new InvoiceDocument(
                    DocumentType.CREDIT_NOTE,
                    id.toString(),
                    number,
                    original.accountId(),
                    original.issuer(),
                    original.customer(),
                    original.period(),
                    today,
                    today,
                    lines,
                    totals,
                    original.number(),
                    reason);
            invoices.insert(c, InvoiceStatus.ISSUED, invoice.issuerId(), note, List.of(), invoiceId, clock.instant());
            audit.record(
                    c,
                    actor,
                    "credit_note_issued",
                    id,
                    original.accountId(),
                    Map.of(
                            "number",
                            number,
                            "corrects",
                            original.number(),
                            "reason",
                            reason,
                            "total",
                            totals.total().amount().toPlainString()));
            audit.record(
                    c,
                    actor,
                    "credited",
                    invoiceId,
                    original.accountId(),
                    Map.of("credit_note", number, "reason", reason));
            return invoices.find(c, id, false).orElseThrow();
        });
    }

    public List<Map<String, Object>> auditOf(UUID id) {
        return transactions.run(c -> audit.ofInvoice(c, id));
    }

    public List<UUID> creditNotesOf(UUID id) {
        return transactions.run(c -> invoices.creditNotes(c, id));
    }

    public BillingAccount accountOf(InvoiceRecord invoice) {
        return transactions
                .run(c -> accounts.find(c, invoice.document().accountId()))
                .orElseThrow();
    }

    /** Freezes the plan charges of the invoice's projects for a UTC calendar month, before issuing. */
    public void freezePlanCharges(InvoiceRecord invoice) {
        ServicePeriod period = invoice.document().period();
        if (period.isUtcCalendarMonth()) {
            freeze(accountOf(invoice).projects(), YearMonth.from(period.start()));
        }
    }

    /**
     * Freezes the plan charges of a UTC calendar month for every project that has usage or a stored
     * charge in it: the batch's first step. Each project is asked, so a charge the processor has not
     * stored yet is computed and frozen too.
     */
    public void freezePeriod(ServicePeriod period) {
        if (!period.isUtcCalendarMonth()) {
            return;
        }
        YearMonth month = YearMonth.from(period.start());
        Set<String> projects = new TreeSet<>();
        rating.charges(month).forEach(charge -> projects.add(charge.projectId()));
        rating.usage(period.startInstant(), period.endInstant()).stream()
                .map(RatedUsage::projectId)
                .filter(project -> !project.isEmpty())
                .forEach(projects::add);
        freeze(projects, month);
    }

    private void freeze(java.util.Collection<String> projects, YearMonth month) {
        for (String project : projects) {
            rating.charge(project, month)
                    .filter(charge -> !charge.frozen())
                    .ifPresent(charge -> rating.freeze(project, month));
        }
    }

    private InvoiceRecord move(UUID id, String actor, InvoiceAction action, String audited) {
        return transactions.run(c -> {
            InvoiceRecord invoice = invoices.find(c, id, true)
                    .orElseThrow(() -> new NotFoundException("invoice " + id + " does not exist"));
            InvoiceStatus next = invoice.status().after(action, false);
            invoices.setStatus(c, id, next, clock.instant());
            audit.record(c, actor, audited, id, invoice.document().accountId(), Map.of());
            return invoices.find(c, id, false).orElseThrow();
        });
    }
}
