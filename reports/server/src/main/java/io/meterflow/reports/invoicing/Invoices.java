package io.meterflow.reports.invoicing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.meterflow.reports.invoice.InvoiceDocument;
import io.meterflow.reports.invoice.InvoiceStatus;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The invoices' rows. Past a draft the database itself refuses changes (V1's trigger). */
public final class Invoices {

    private static final String COLUMNS =
            "id, status, issuer_id, document, billed, corrects, created_at, issued_at, paid_at, voided_at";

    /** What a project's tenant sees: its account's invoices past draft; one parameter, the project. */
    private static final String TENANT_SEES = "account_id = (SELECT account_id FROM reports_account_projects"
            + " WHERE project_id = ?) AND status NOT IN ('draft', 'skipped')";

    private final ObjectMapper json;

    public Invoices(ObjectMapper json) {
        this.json = json;
    }

    public void insert(
            Connection c,
            InvoiceStatus status,
            String issuerId,
            InvoiceDocument d,
            List<BilledUsage> billed,
            UUID corrects,
            Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO reports_invoices (id, type, status, account_id, issuer_id, period_start, period_end, zone,
                    currency, total, number, document, billed, corrects, created_at, updated_at, issued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
                """)) {
            s.setObject(1, UUID.fromString(d.id()));
            s.setString(2, d.type().name().toLowerCase(Locale.ROOT));
            s.setString(3, status.apiName());
            s.setString(4, d.accountId());
            s.setString(5, issuerId);
            s.setDate(6, Date.valueOf(d.period().start()));
            s.setDate(7, Date.valueOf(d.period().end()));
            s.setString(8, d.period().zone().getId());
            s.setString(9, d.customer().currency().getCurrencyCode());
            s.setBigDecimal(10, d.totals().total().amount());
            s.setString(11, d.number().isEmpty() ? null : d.number());
            s.setString(12, DocumentJson.write(d).toString());
            s.setString(13, billedJson(billed));
            s.setObject(14, corrects);
            s.setTimestamp(15, Timestamp.from(now));
            s.setTimestamp(16, Timestamp.from(now));
            s.setTimestamp(17, status == InvoiceStatus.DRAFT ? null : Timestamp.from(now));
            s.executeUpdate();
        }
    }

    /** Replaces a draft's content; the trigger refuses it for anything else. */
    public void updateDraft(Connection c, InvoiceDocument d, String issuerId, List<BilledUsage> billed, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE reports_invoices SET document = ?::jsonb, billed = ?::jsonb, total = ?, currency = ?,
                    issuer_id = ?, updated_at = ?
                WHERE id = ? AND status = 'draft'
                """)) {
            s.setString(1, DocumentJson.write(d).toString());
            s.setString(2, billedJson(billed));
            s.setBigDecimal(3, d.totals().total().amount());
            s.setString(4, d.customer().currency().getCurrencyCode());
            s.setString(5, issuerId);
            s.setTimestamp(6, Timestamp.from(now));
            s.setObject(7, UUID.fromString(d.id()));
            s.executeUpdate();
        }
    }

    /** Issues a locked draft: its final snapshot, number (empty when skipped) and state, at once. */
    public void issue(
            Connection c, UUID id, InvoiceStatus status, InvoiceDocument d, List<BilledUsage> billed, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE reports_invoices SET status = ?, number = ?, document = ?::jsonb, billed = ?::jsonb, total = ?,
                    issued_at = ?, updated_at = ?
                WHERE id = ? AND status = 'draft'
                """)) {
            s.setString(1, status.apiName());
            s.setString(2, d.number().isEmpty() ? null : d.number());
            s.setString(3, DocumentJson.write(d).toString());
            s.setString(4, billedJson(billed));
            s.setBigDecimal(5, d.totals().total().amount());
            s.setTimestamp(6, Timestamp.from(now));
            s.setTimestamp(7, Timestamp.from(now));
            s.setObject(8, id);
            if (s.executeUpdate() != 1) {
                throw new SQLException("invoice " + id + " is no longer a draft");
            }
        }
    }

    public void setStatus(Connection c, UUID id, InvoiceStatus status, Instant now) throws SQLException {
        String column = status == InvoiceStatus.PAID ? "paid_at" : "voided_at";
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE reports_invoices SET status = ?, " + column + " = ?, updated_at = ? WHERE id = ?")) {
            s.setString(1, status.apiName());
            s.setTimestamp(2, Timestamp.from(now));
            s.setTimestamp(3, Timestamp.from(now));
            s.setObject(4, id);
            s.executeUpdate();
        }
    }

    public void deleteDraft(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("DELETE FROM reports_invoices WHERE id = ? AND status = 'draft'")) {
            s.setObject(1, id);
            s.executeUpdate();
        }
    }

    public Optional<InvoiceRecord> find(Connection c, UUID id, boolean forUpdate) throws SQLException {
        List<InvoiceRecord> found = query(
                c, "SELECT " + COLUMNS + " FROM reports_invoices WHERE id = ?" + (forUpdate ? " FOR UPDATE" : ""), id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The account's invoice (not credit note) for exactly this period, if any. */
    public Optional<InvoiceRecord> forPeriod(
            Connection c, String accountId, java.time.LocalDate start, java.time.LocalDate end) throws SQLException {
        List<InvoiceRecord> found = query(
                c,
                "SELECT " + COLUMNS
                        + " FROM reports_invoices WHERE account_id = ? AND period_start = ? AND period_end = ?"
                        + " AND type = 'invoice'",
                accountId,
                Date.valueOf(start),
                Date.valueOf(end));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Issued or paid invoices of the account that end by {@code end} and start at or after {@code since}. */
    public List<InvoiceRecord> issuedBefore(
            Connection c, String accountId, java.time.LocalDate since, java.time.LocalDate end) throws SQLException {
        return query(
                c,
                "SELECT " + COLUMNS + " FROM reports_invoices WHERE account_id = ? AND type = 'invoice'"
                        + " AND status IN ('issued', 'paid') AND period_end <= ? AND period_start >= ? ORDER BY period_start",
                accountId,
                Date.valueOf(end),
                Date.valueOf(since));
    }

    /** Filtered list, newest period first; a null filter matches all. */
    public List<InvoiceRecord> list(
            Connection c, String accountId, java.time.LocalDate periodStart, String status, int limit)
            throws SQLException {
        return list(c, null, accountId, periodStart, status, limit);
    }

    /**
     * Filtered list, newest period first; a null filter matches all. With {@code tenantProject},
     * only what that project's tenant may see ({@link #ofProjectAccount}): the condition is part of
     * the query, so nothing of another account is ever read.
     */
    public List<InvoiceRecord> list(
            Connection c,
            String tenantProject,
            String accountId,
            java.time.LocalDate periodStart,
            String status,
            int limit)
            throws SQLException {
        Date start = periodStart == null ? null : Date.valueOf(periodStart);
        return query(
                c,
                "SELECT " + COLUMNS + " FROM reports_invoices WHERE (?::varchar IS NULL OR account_id = ?)"
                        + " AND (?::date IS NULL OR period_start = ?) AND (?::varchar IS NULL OR status = ?)"
                        + " AND (?::varchar IS NULL OR (" + TENANT_SEES + "))"
                        + " ORDER BY period_start DESC, account_id, created_at LIMIT ?",
                accountId,
                accountId,
                start,
                start,
                status,
                status,
                tenantProject,
                tenantProject,
                limit);
    }

    /**
     * What a tenant may see: the issued (not draft, not skipped) invoices and credit notes of the
     * account its project belongs to, resolved in the query itself; with {@code id}, that one only.
     */
    public List<InvoiceRecord> ofProjectAccount(Connection c, String projectId, UUID id) throws SQLException {
        return query(
                c,
                "SELECT " + COLUMNS + " FROM reports_invoices WHERE " + TENANT_SEES
                        + " AND (?::uuid IS NULL OR id = ?) ORDER BY period_start DESC, created_at DESC",
                projectId,
                id,
                id);
    }

    /** Drafts of a period, oldest account first: what a batch issues. */
    public List<UUID> draftIds(Connection c, java.time.LocalDate start, java.time.LocalDate end) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id FROM reports_invoices WHERE status = 'draft' AND type = 'invoice' AND period_start = ?"
                        + " AND period_end = ? ORDER BY account_id")) {
            s.setDate(1, Date.valueOf(start));
            s.setDate(2, Date.valueOf(end));
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    /** The sum of the totals of an invoice's credit notes: what may still be credited. */
    public BigDecimal credited(Connection c, UUID invoiceId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT coalesce(sum(total), 0) FROM reports_invoices WHERE corrects = ? AND type = 'credit_note'")) {
            s.setObject(1, invoiceId);
            try (ResultSet row = s.executeQuery()) {
                row.next();
                return row.getBigDecimal(1);
            }
        }
    }

    public List<UUID> creditNotes(Connection c, UUID invoiceId) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (PreparedStatement s =
                c.prepareStatement("SELECT id FROM reports_invoices WHERE corrects = ? ORDER BY created_at")) {
            s.setObject(1, invoiceId);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    ids.add(row.getObject(1, UUID.class));
                }
            }
        }
        return ids;
    }

    private List<InvoiceRecord> query(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            List<InvoiceRecord> found = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    found.add(new InvoiceRecord(
                            row.getObject("id", UUID.class),
                            InvoiceStatus.fromApiName(row.getString("status")),
                            row.getString("issuer_id"),
                            DocumentJson.read(tree(row.getString("document"))),
                            billed(tree(row.getString("billed"))),
                            Optional.ofNullable(row.getObject("corrects", UUID.class)),
                            row.getTimestamp("created_at").toInstant(),
                            instant(row.getTimestamp("issued_at")),
                            instant(row.getTimestamp("paid_at")),
                            instant(row.getTimestamp("voided_at"))));
                }
            }
            return found;
        }
    }

    private String billedJson(List<BilledUsage> billed) {
        ArrayNode array = json.createArrayNode();
        for (BilledUsage b : billed) {
            array.addObject()
                    .put("begin", b.begin().toString())
                    .put("end", b.end().toString())
                    .put("project_id", b.projectId())
                    .put("type", b.type())
                    .put("qty", b.quantity().toPlainString())
                    .put("price", b.price().toPlainString());
        }
        return array.toString();
    }

    private static List<BilledUsage> billed(JsonNode array) {
        List<BilledUsage> billed = new ArrayList<>();
        for (JsonNode b : array) {
            billed.add(new BilledUsage(
                    Instant.parse(b.path("begin").asText()),
                    Instant.parse(b.path("end").asText()),
                    b.path("project_id").asText(),
                    b.path("type").asText(),
                    new BigDecimal(b.path("qty").asText()),
                    new BigDecimal(b.path("price").asText())));
        }
        return billed;
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
    }
}
