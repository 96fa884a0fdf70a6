package io.meterflow.rating.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.plan.ChargeLine;
import io.meterflow.rating.plan.CreditGrant;
import io.meterflow.rating.plan.PeriodCharge;
import io.meterflow.rating.plan.Plan;
import io.meterflow.rating.plan.PlanPricer;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Each subscribed project's charge per billing period under its plan: the quantities rated so far
 * in the period, priced by {@link PlanPricer}, with the project's credit grants drawn virtually.
 * Kept current as the processor rates (and on every read), until {@link #freeze} fixes it for the
 * invoice run: the credit it draws is then recorded and the charge never changes again.
 */
public final class RunningCharges {

    private final Jdbc jdbc;
    private final BillingStore store;
    private final PlanPricer pricer = new PlanPricer();
    private final BudgetAlerts alerts;
    private final Duration ratingPeriod;
    private final Clock clock;

    RunningCharges(Jdbc jdbc, BillingStore store, BudgetAlerts alerts, Duration ratingPeriod, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.alerts = alerts;
        this.ratingPeriod = ratingPeriod;
        this.clock = clock;
    }

    /** After the processor rated periods of a project: its charge for each billing period they fall in. */
    public void refresh(String projectId, List<Instant> ratedPeriodBegins) {
        TreeSet<java.time.YearMonth> months = new TreeSet<>();
        ratedPeriodBegins.forEach(
                begin -> months.add(BillingPeriod.containing(begin).month()));
        for (java.time.YearMonth month : months) {
            current(projectId, new BillingPeriod(month));
        }
    }

    /** The charge: as frozen, or computed now and saved. Empty when the project has no plan in the period. */
    Optional<JsonNode> current(String projectId, BillingPeriod period) {
        List<BudgetAlerts.Due> due = new ArrayList<>();
        Optional<JsonNode> charge = jdbc.inTransaction(c -> {
            Optional<BillingStore.StoredCharge> stored = store.charge(c, projectId, period.start(), false);
            if (stored.isPresent() && stored.get().frozen()) {
                return Optional.of(stored.get().detail());
            }
            return compute(c, projectId, period, false, due);
        });
        // After the commit: a webhook never waits on a transaction, nor announces an uncommitted charge.
        alerts.send(due);
        return charge;
    }

    /**
     * Fixes the period's charge for invoicing: computed a last time, stored frozen, and the credit it
     * draws recorded against the grants. Freezing a frozen period answers it unchanged.
     *
     * @throws BillingConflictException the period has not ended, or its last hours are not rated yet
     */
    JsonNode freeze(String projectId, BillingPeriod period) {
        List<BudgetAlerts.Due> due = new ArrayList<>();
        JsonNode frozen = jdbc.inTransaction(c -> {
            Optional<BillingStore.StoredCharge> stored = store.charge(c, projectId, period.start(), true);
            if (stored.isPresent() && stored.get().frozen()) {
                return stored.get().detail();
            }
            if (period.end().isAfter(clock.instant())) {
                throw new BillingConflictException("Billing period " + period + " has not ended yet");
            }
            Instant lastRated = Jdbc.first(
                            c,
                            "SELECT last_processed_timestamp FROM rating_scope_states WHERE scope_id = ?",
                            row -> {
                                Timestamp last = row.getTimestamp(1);
                                return last == null ? Instant.MIN : last.toInstant();
                            },
                            projectId)
                    .orElse(Instant.MIN);
            if (lastRated.equals(Instant.MIN) || lastRated.plus(ratingPeriod).isBefore(period.end())) {
                throw new BillingConflictException("Project " + projectId + " is not rated to the end of " + period
                        + " yet (last rated period starts " + (lastRated.equals(Instant.MIN) ? "never" : lastRated)
                        + ")");
            }
            return compute(c, projectId, period, true, due)
                    .orElseThrow(() -> new BillingConflictException(
                            "Project " + projectId + " has no plan in " + period + ": nothing to freeze"));
        });
        alerts.send(due);
        return frozen;
    }

    private Optional<JsonNode> compute(
            Connection c, String projectId, BillingPeriod period, boolean freeze, List<BudgetAlerts.Due> due)
            throws SQLException {
        Optional<BillingStore.Subscription> subscription = store.subscriptionAt(c, projectId, period.start());
        if (subscription.isEmpty()) {
            return Optional.empty();
        }
        BillingStore.StoredPlan stored =
                store.plan(c, subscription.get().planCode()).orElseThrow();
        Plan plan = PlanJson.read(stored.definition());
        Map<String, BillingStore.TypeTotals> totals = store.totals(c, projectId, period.start(), period.end());
        Map<String, BigDecimal> quantities = new LinkedHashMap<>();
        totals.forEach((type, total) -> quantities.put(type, total.quantity()));
        List<CreditGrant> grants = store.credits(c, projectId, period.start()).stream()
                .filter(credit -> credit.balance().amount().signum() > 0)
                .map(BillingStore.StoredCredit::grant)
                .toList();
        PeriodCharge charge = pricer.price(plan, quantities, grants, period.end());
        ObjectNode detail = detail(projectId, period, plan, totals, charge, freeze);
        store.saveCharge(c, projectId, period, plan.code(), charge.subtotal(), charge.total(), detail, freeze);
        due.addAll(alerts.due(c, projectId, period, charge.total()));
        if (freeze) {
            for (PeriodCharge.CreditUse use : charge.creditUses()) {
                store.recordCreditUse(
                        c,
                        UUID.fromString(use.grantId()),
                        projectId,
                        period.start(),
                        use.used().amount());
            }
        }
        return Optional.of(detail);
    }

    private ObjectNode detail(
            String projectId,
            BillingPeriod period,
            Plan plan,
            Map<String, BillingStore.TypeTotals> totals,
            PeriodCharge charge,
            boolean frozen) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode detail = nodes.objectNode();
        detail.put("project_id", projectId);
        detail.put("period", period.toString());
        detail.put("begin", period.start().toString());
        detail.put("end", period.end().toString());
        detail.put("plan_code", plan.code());
        detail.put("currency", plan.currency().getCurrencyCode());
        detail.put("frozen", frozen);
        detail.put("computed_at", clock.instant().toString());
        ObjectNode quantities = detail.putObject("quantities");
        ObjectNode rated = detail.putObject("hashmap_rated");
        totals.forEach((type, total) -> {
            quantities.put(type, total.quantity().toPlainString());
            rated.put(type, total.rated().toPlainString());
        });
        ArrayNode lines = detail.putArray("lines");
        for (ChargeLine line : charge.lines()) {
            ObjectNode node = lines.addObject();
            node.put("kind", line.kind().name().toLowerCase(Locale.ROOT));
            node.put("rating_type", line.ratingType().orElse(null));
            node.put("description", line.description());
            node.put("quantity", line.quantity().toPlainString());
            node.put(
                    "unit_price",
                    line.unitPrice().map(BigDecimal::toPlainString).orElse(null));
            node.put("amount", line.amount().amount().toPlainString());
        }
        detail.put("subtotal", charge.subtotal().amount().toPlainString());
        detail.put("total", charge.total().amount().toPlainString());
        ArrayNode credits = detail.putArray("credits");
        for (PeriodCharge.CreditUse use : charge.creditUses()) {
            credits.addObject()
                    .put("grant_id", use.grantId())
                    .put("used", use.used().amount().toPlainString())
                    .put("remaining", use.remaining().amount().toPlainString());
        }
        return detail;
    }
}
