package io.meterflow.rating.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.plan.CreditGrant;
import io.meterflow.rating.plan.Money;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Plans, subscriptions, credit grants and period charges in PostgreSQL. */
final class BillingStore {

    record StoredPlan(String code, JsonNode definition, Instant createdAt) {}

    record Subscription(UUID id, String projectId, String planCode, Instant startsAt, Instant endsAt) {}

    record StoredCredit(
            UUID id,
            String projectId,
            Money amount,
            Money balance,
            Instant effectiveAt,
            Instant expiresAt,
            int priority,
            String reason) {

        CreditGrant grant() {
            return new CreditGrant(id.toString(), balance, effectiveAt, Optional.ofNullable(expiresAt), priority);
        }
    }

    /** A rating type's totals over a billing period: quantity and what the hashmap charged. */
    record TypeTotals(BigDecimal quantity, BigDecimal rated) {}

    record StoredCharge(JsonNode detail, boolean frozen) {}

    private final ObjectMapper json;

    BillingStore(ObjectMapper json) {
        this.json = json;
    }

    void createPlan(Connection c, String code, Currency currency, JsonNode definition) throws SQLException {
        try {
            Jdbc.update(
                    c,
                    "INSERT INTO rating_plans (code, currency, definition) VALUES (?, ?, ?::jsonb)",
                    code,
                    currency.getCurrencyCode(),
                    write(definition));
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                throw new BillingConflictException(
                        "Plan " + code + " already exists; plans never change, create" + " another code");
            }
            throw e;
        }
    }

    Optional<StoredPlan> plan(Connection c, String code) throws SQLException {
        return Jdbc.first(c, "SELECT code, definition, created_at FROM rating_plans WHERE code = ?", this::plan, code);
    }

    List<StoredPlan> plans(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT code, definition, created_at FROM rating_plans ORDER BY code", this::plan);
    }

    /** False when a subscription or charge still names the plan. */
    boolean deletePlan(Connection c, String code) throws SQLException {
        boolean used = Jdbc.first(
                        c,
                        "SELECT 1 FROM rating_plan_subscriptions WHERE plan_code = ?"
                                + " UNION ALL SELECT 1 FROM rating_period_charges WHERE plan_code = ? LIMIT 1",
                        row -> true,
                        code,
                        code)
                .isPresent();
        if (used) {
            return false;
        }
        return Jdbc.update(c, "DELETE FROM rating_plans WHERE code = ?", code) > 0;
    }

    void createSubscription(Connection c, Subscription subscription) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO rating_plan_subscriptions (id, project_id, plan_code, starts_at, ends_at)"
                        + " VALUES (?, ?, ?, ?, ?)",
                subscription.id(),
                subscription.projectId(),
                subscription.planCode(),
                Timestamp.from(subscription.startsAt()),
                subscription.endsAt() == null ? null : Timestamp.from(subscription.endsAt()));
    }

    /** The project's subscriptions, oldest first; locked when {@code forUpdate}, for an overlap check. */
    List<Subscription> subscriptions(Connection c, String projectId, boolean forUpdate) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT id, project_id, plan_code, starts_at, ends_at FROM rating_plan_subscriptions"
                        + " WHERE (?::text IS NULL OR project_id = ?) ORDER BY project_id, starts_at"
                        + (forUpdate ? " FOR UPDATE" : ""),
                BillingStore::subscription,
                projectId,
                projectId);
    }

    Optional<Subscription> subscriptionAt(Connection c, String projectId, Instant at) throws SQLException {
        return Jdbc.first(
                c,
                "SELECT id, project_id, plan_code, starts_at, ends_at FROM rating_plan_subscriptions"
                        + " WHERE project_id = ? AND starts_at <= ? AND (ends_at IS NULL OR ends_at > ?)",
                BillingStore::subscription,
                projectId,
                Timestamp.from(at),
                Timestamp.from(at));
    }

    void createCredit(Connection c, StoredCredit credit) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO rating_credit_grants (id, project_id, amount, currency, effective_at, expires_at,"
                        + " priority, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                credit.id(),
                credit.projectId(),
                credit.amount().amount(),
                credit.amount().currency().getCurrencyCode(),
                Timestamp.from(credit.effectiveAt()),
                credit.expiresAt() == null ? null : Timestamp.from(credit.expiresAt()),
                credit.priority(),
                credit.reason());
    }

    /**
     * The project's grants with their balance: the amount less what frozen periods drew, leaving
     * out {@code excludedPeriod}'s own draw (a period being recomputed).
     */
    List<StoredCredit> credits(Connection c, String projectId, Instant excludedPeriod) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT g.id, g.project_id, g.amount, g.currency, g.effective_at, g.expires_at, g.priority, g.reason,"
                        + " g.amount - coalesce((SELECT sum(u.amount) FROM rating_credit_uses u WHERE u.grant_id = g.id"
                        + " AND u.period_start IS DISTINCT FROM ?), 0)"
                        + " FROM rating_credit_grants g WHERE (?::text IS NULL OR g.project_id = ?)"
                        + " ORDER BY g.project_id, g.effective_at, g.id",
                row -> {
                    Currency currency = Currency.getInstance(row.getString(4).trim());
                    Timestamp expires = row.getTimestamp(6);
                    return new StoredCredit(
                            (UUID) row.getObject(1),
                            row.getString(2),
                            new Money(row.getBigDecimal(3), currency),
                            new Money(row.getBigDecimal(9), currency),
                            row.getTimestamp(5).toInstant(),
                            expires == null ? null : expires.toInstant(),
                            row.getInt(7),
                            row.getString(8));
                },
                excludedPeriod == null ? null : Timestamp.from(excludedPeriod),
                projectId,
                projectId);
    }

    void recordCreditUse(Connection c, UUID grantId, String projectId, Instant periodStart, BigDecimal amount)
            throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO rating_credit_uses (grant_id, project_id, period_start, amount) VALUES (?, ?, ?, ?)",
                grantId,
                projectId,
                Timestamp.from(periodStart),
                amount);
    }

    /** The project's quantity and hashmap charge per rating type over the rated periods starting in [start, end). */
    Map<String, TypeTotals> totals(Connection c, String projectId, Instant start, Instant end) throws SQLException {
        Map<String, TypeTotals> totals = new LinkedHashMap<>();
        for (Object[] row : Jdbc.list(
                c,
                "SELECT type, sum(qty), sum(price) FROM rating_dataframes WHERE project_id = ?"
                        + " AND period_begin >= ? AND period_begin < ? GROUP BY type ORDER BY type",
                r -> new Object[] {r.getString(1), r.getBigDecimal(2), r.getBigDecimal(3)},
                projectId,
                Timestamp.from(start),
                Timestamp.from(end))) {
            totals.put((String) row[0], new TypeTotals((BigDecimal) row[1], (BigDecimal) row[2]));
        }
        return totals;
    }

    Optional<StoredCharge> charge(Connection c, String projectId, Instant periodStart, boolean forUpdate)
            throws SQLException {
        return Jdbc.first(
                c,
                "SELECT detail, frozen FROM rating_period_charges WHERE project_id = ? AND period_start = ?"
                        + (forUpdate ? " FOR UPDATE" : ""),
                row -> new StoredCharge(read(row.getString(1)), row.getBoolean(2)),
                projectId,
                Timestamp.from(periodStart));
    }

    List<JsonNode> charges(Connection c, Instant periodStart) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT detail FROM rating_period_charges WHERE period_start = ? ORDER BY project_id",
                row -> read(row.getString(1)),
                Timestamp.from(periodStart));
    }

    /** Writes the period's charge unless it is frozen; a frozen one never changes again. */
    void saveCharge(
            Connection c,
            String projectId,
            BillingPeriod period,
            String planCode,
            Money subtotal,
            Money total,
            JsonNode detail,
            boolean freeze)
            throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO rating_period_charges (project_id, period_start, period_end, plan_code, currency,"
                        + " subtotal, total, detail, frozen, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, now())"
                        + " ON CONFLICT (project_id, period_start) DO UPDATE SET plan_code = EXCLUDED.plan_code,"
                        + " currency = EXCLUDED.currency, subtotal = EXCLUDED.subtotal, total = EXCLUDED.total,"
                        + " detail = EXCLUDED.detail, frozen = EXCLUDED.frozen, updated_at = now()"
                        + " WHERE NOT rating_period_charges.frozen",
                projectId,
                Timestamp.from(period.start()),
                Timestamp.from(period.end()),
                planCode,
                total.currency().getCurrencyCode(),
                subtotal.amount(),
                total.amount(),
                write(detail),
                freeze);
    }

    private StoredPlan plan(ResultSet row) throws SQLException {
        return new StoredPlan(
                row.getString(1), read(row.getString(2)), row.getTimestamp(3).toInstant());
    }

    private static Subscription subscription(ResultSet row) throws SQLException {
        Timestamp ends = row.getTimestamp(5);
        return new Subscription(
                (UUID) row.getObject(1),
                row.getString(2),
                row.getString(3),
                row.getTimestamp(4).toInstant(),
                ends == null ? null : ends.toInstant());
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }
}
