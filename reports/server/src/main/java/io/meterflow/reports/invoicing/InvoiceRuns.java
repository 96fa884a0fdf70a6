package io.meterflow.reports.invoicing;

import io.meterflow.reports.account.Accounts;
import io.meterflow.reports.account.BillingAccount;
import io.meterflow.reports.account.IssuerRecord;
import io.meterflow.reports.account.Issuers;
import io.meterflow.reports.api.ConflictException;
import io.meterflow.reports.database.Transactions;
import io.meterflow.reports.invoice.Address;
import io.meterflow.reports.invoice.Customer;
import io.meterflow.reports.invoice.InvoiceStatus;
import io.meterflow.reports.invoice.Party;
import io.meterflow.reports.invoice.ServicePeriod;
import io.meterflow.reports.invoice.TaxTreatment;
import io.meterflow.reports.ratingsource.PlanCharge;
import io.meterflow.reports.ratingsource.RatedUsage;
import io.meterflow.reports.ratingsource.RatingEngineClient;
import io.meterflow.reports.ratingsource.ScopeProgress;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Invoice runs: every account's draft for a period, computed from one grouped read of the rating
 * engine (usage, plan charges, units) and kept current until it is issued. A period any rated
 * scope is not through yet is refused, naming the scopes, so no invoice is made of half a period.
 */
public final class InvoiceRuns {

    private final Transactions transactions;
    private final Accounts accounts;
    private final Issuers issuers;
    private final Invoices invoices;
    private final AuditTrail audit;
    private final RatingEngineClient rating;
    private final AccountInvoice builder;
    private final BillingSettings settings;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final ProjectDomains domains;

    public InvoiceRuns(
            Transactions transactions,
            Accounts accounts,
            Issuers issuers,
            Invoices invoices,
            AuditTrail audit,
            RatingEngineClient rating,
            AccountInvoice builder,
            BillingSettings settings,
            Clock clock,
            Supplier<UUID> ids,
            ProjectDomains domains) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.issuers = issuers;
        this.invoices = invoices;
        this.audit = audit;
        this.rating = rating;
        this.builder = builder;
        this.settings = settings;
        this.clock = clock;
        this.ids = ids;
        this.domains = domains;
    }

    public BillingSettings settings() {
        return settings;
    }

    /** Drafts for every account with usage, plan charges or projects in the period. */
    public RunResult run(ServicePeriod period, String actor) {
        return run(period, actor, null);
    }

    /** @param onlyAccount one account's draft, or null for all */
    public RunResult run(ServicePeriod period, String actor, String onlyAccount) {
        return run(period, actor, onlyAccount, false);
    }

    /**
     * Drafts for every account right after every plan charge of the period was frozen (the batch's
     * order): the stored charges are then complete, and no project is asked about its plan again.
     */
    public RunResult runWithFrozenCharges(ServicePeriod period, String actor) {
        return run(period, actor, null, true);
    }

    private RunResult run(ServicePeriod period, String actor, String onlyAccount, boolean chargesStored) {
        Inputs inputs = inputs(period, chargesStored);
        List<BillingAccount> all = transactions.run(c -> {
            assignUnbilledProjects(c, inputs.projects());
            return accounts.list(c);
        });
        Map<LateUsage.Window, List<RatedUsage>> windows = new HashMap<>();
        int created = 0;
        int recomputed = 0;
        int issued = 0;
        List<UUID> drafts = new ArrayList<>();
        for (BillingAccount account : all) {
            if (onlyAccount != null && !account.id().equals(onlyAccount)) {
                continue;
            }
            Outcome outcome = transactions.run(c -> draft(c, account, period, inputs, windows, actor));
            switch (outcome.kind()) {
                case CREATED -> created++;
                case RECOMPUTED -> recomputed++;
                case ISSUED -> issued++;
            }
            if (outcome.kind() != Kind.ISSUED) {
                drafts.add(outcome.id());
            }
        }
        return new RunResult(period.start() + "/" + period.end(), created, recomputed, issued, drafts);
    }

    /** @throws PeriodNotRatedException when a rated scope is not through the period's end */
    public void requireRated(ServicePeriod period, Set<String> onlyProjects) {
        Instant end = period.endInstant();
        List<Map<String, String>> missing = new ArrayList<>();
        for (ScopeProgress scope : rating.scopes()) {
            if (!scope.active() || (onlyProjects != null && !onlyProjects.contains(scope.scopeId()))) {
                continue;
            }
            Optional<Instant> ratedUntil =
                    scope.lastRatedPeriodStart().map(start -> start.plus(settings.ratingPeriod()));
            if (ratedUntil.isEmpty() || ratedUntil.get().isBefore(end)) {
                Map<String, String> entry = new LinkedHashMap<>();
                entry.put("scope_id", scope.scopeId());
                entry.put("rated_until", ratedUntil.map(Instant::toString).orElse("never"));
                entry.put("needed_until", end.toString());
                missing.add(entry);
            }
        }
        if (!missing.isEmpty()) {
            throw new PeriodNotRatedException(period.start() + "/" + period.end(), missing);
        }
    }

    private Inputs inputs(ServicePeriod period, boolean chargesStored) {
        requireRated(period, null);
        List<RatedUsage> usage = rating.usage(period.startInstant(), period.endInstant());
        Map<String, PlanCharge> charges = new HashMap<>();
        if (period.isUtcCalendarMonth()) {
            for (PlanCharge charge : rating.charges(YearMonth.from(period.start()))) {
                charges.put(charge.projectId(), charge);
            }
        }
        Map<String, List<RatedUsage>> usageByProject = new HashMap<>();
        for (RatedUsage row : usage) {
            if (!row.projectId().isEmpty()) {
                usageByProject
                        .computeIfAbsent(row.projectId(), p -> new ArrayList<>())
                        .add(row);
            }
        }
        Set<String> projects = new TreeSet<>(usageByProject.keySet());
        projects.addAll(charges.keySet());
        return new Inputs(usageByProject, charges, rating.units(), projects, chargesStored);
    }

    private Outcome draft(
            Connection c,
            BillingAccount account,
            ServicePeriod period,
            Inputs inputs,
            Map<LateUsage.Window, List<RatedUsage>> windowCache,
            String actor)
            throws SQLException {
        // One run at a time per account: a second run waits here and then recomputes the same draft.
        lockAccount(c, account.id());
        var existing = invoices.forPeriod(c, account.id(), period.start(), period.end());
        if (existing.isPresent() && existing.get().status() != InvoiceStatus.DRAFT) {
            return new Outcome(Kind.ISSUED, existing.get().id());
        }
        IssuerRecord issuer = issuers.find(c, account.issuerId())
                .orElseThrow(() -> new ConflictException(
                        "account " + account.id() + ": issuer " + account.issuerId() + " does not exist"));
        List<RatedUsage> usage = new ArrayList<>();
        Map<String, PlanCharge> charges = new HashMap<>();
        for (String project : account.projects()) {
            usage.addAll(inputs.usage().getOrDefault(project, List.of()));
            if (inputs.charges().containsKey(project)) {
                charges.put(project, inputs.charges().get(project));
            } else if (!inputs.chargesStored()
                    && period.isUtcCalendarMonth()
                    && inputs.usage().containsKey(project)) {
                // A plan charge the processor has not stored yet: asking computes it (404: no plan).
                rating.charge(project, YearMonth.from(period.start()))
                        .ifPresent(charge -> charges.put(project, charge));
            }
        }
        List<InvoiceRecord> earlier = invoices.issuedBefore(
                c, account.id(), period.start().minusMonths(settings.lateUsageMonths()), period.start());
        Map<LateUsage.Window, List<RatedUsage>> ratedNow = new HashMap<>();
        Set<String> projects = new HashSet<>(account.projects());
        for (InvoiceRecord invoice : earlier) {
            invoice.billed().forEach(b -> projects.add(b.projectId()));
        }
        for (LateUsage.Window window : LateUsage.windows(earlier).keySet()) {
            ratedNow.put(window, windowCache.computeIfAbsent(window, w -> rating.usage(w.begin(), w.end())));
        }
        List<LateUsage> late = LateUsage.find(earlier, ratedNow, projects);
        UUID id = existing.map(InvoiceRecord::id).orElseGet(ids);
        AccountInvoice.Draft draft =
                builder.draft(id.toString(), account, issuer.issuer(), period, usage, charges, late, inputs.units());
        Instant now = clock.instant();
        if (existing.isPresent()) {
            invoices.updateDraft(c, draft.document(), account.issuerId(), draft.billed(), now);
            return new Outcome(Kind.RECOMPUTED, id);
        }
        invoices.insert(c, InvoiceStatus.DRAFT, account.issuerId(), draft.document(), draft.billed(), null, now);
        audit.record(
                c,
                actor,
                "draft_created",
                id,
                account.id(),
                Map.of(
                        "period",
                        period.start() + "/" + period.end(),
                        "total",
                        draft.document().totals().total().amount().toPlainString()));
        return new Outcome(Kind.CREATED, id);
    }

    /**
     * Projects with rated usage that no account pays for get an account from the default issuer:
     * one per project, as CloudKitty bills, or one per Keystone domain when {@code domains} looks
     * them up. Without a default issuer the run stops, naming them.
     */
    private void assignUnbilledProjects(Connection c, Set<String> projects) throws SQLException {
        List<String> unbilled = new ArrayList<>();
        for (String project : projects) {
            if (accounts.ofProject(c, project).isEmpty()) {
                unbilled.add(project);
            }
        }
        if (unbilled.isEmpty()) {
            return;
        }
        if (settings.defaultIssuer().isEmpty()) {
            throw new ConflictException("projects with rated usage but no billing account (and no default issuer): "
                    + String.join(", ", unbilled.subList(0, Math.min(20, unbilled.size()))));
        }
        IssuerRecord issuer = issuers.find(c, settings.defaultIssuer().get())
                .orElseThrow(() -> new ConflictException("default issuer "
                        + settings.defaultIssuer().get() + " does not exist: create it with POST /v1/issuers"));
        String country = issuer.issuer().party().address().countryCode();
        for (String project : unbilled) {
            Optional<ProjectDomains.Domain> domain = domains.of(project);
            String accountId = domain.map(d -> "domain-" + d.id()).orElse(project);
            Optional<BillingAccount> existing = accounts.find(c, accountId);
            if (existing.isPresent()) {
                BillingAccount account = existing.get();
                List<String> billed = new ArrayList<>(account.projects());
                billed.add(project);
                accounts.save(
                        c,
                        new BillingAccount(
                                account.id(),
                                account.issuerId(),
                                account.customer(),
                                account.discountPercent(),
                                billed));
                continue;
            }
            String name = domain.map(ProjectDomains.Domain::name).orElse("Project " + project);
            Customer customer = new Customer(
                    new Party(name, new Address("", "", "", "", country), "", ""),
                    Currency.getInstance(settings.defaultCurrency()),
                    Locale.ENGLISH,
                    new TaxTreatment.Standard(BigDecimal.ZERO));
            accounts.save(
                    c,
                    new BillingAccount(accountId, issuer.issuer().id(), customer, BigDecimal.ZERO, List.of(project)));
        }
    }

    private static void lockAccount(Connection c, String accountId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM reports_accounts WHERE id = ? FOR UPDATE")) {
            s.setString(1, accountId);
            s.executeQuery().close();
        }
    }

    private record Inputs(
            Map<String, List<RatedUsage>> usage,
            Map<String, PlanCharge> charges,
            Map<String, String> units,
            Set<String> projects,
            boolean chargesStored) {}

    private enum Kind {
        CREATED,
        RECOMPUTED,
        ISSUED
    }

    private record Outcome(Kind kind, UUID id) {}
}
