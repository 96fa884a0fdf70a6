package io.meterflow.reports.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Who did what to which invoice or account, and when: written in the same transaction as the change. */
public final class AuditTrail {

    private final ObjectMapper json;
    private final Clock clock;

    public AuditTrail(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public void record(
            Connection c, String actor, String action, UUID invoiceId, String accountId, Map<String, ?> detail)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO reports_audit (at, actor, action, invoice_id, account_id, detail) VALUES (?, ?, ?, ?, ?, ?::jsonb)")) {
            s.setTimestamp(1, Timestamp.from(clock.instant()));
            s.setString(2, actor);
            s.setString(3, action);
            s.setObject(4, invoiceId);
            s.setString(5, accountId);
            s.setString(6, json.writeValueAsString(detail));
            s.executeUpdate();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Map<String, Object>> ofInvoice(Connection c, UUID invoiceId) throws SQLException {
        List<Map<String, Object>> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT at, actor, action, detail FROM reports_audit WHERE invoice_id = ? ORDER BY id")) {
            s.setObject(1, invoiceId);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("at", row.getTimestamp("at").toInstant().toString());
                    entry.put("actor", row.getString("actor"));
                    entry.put("action", row.getString("action"));
                    entry.put("detail", read(row.getString("detail")));
                    entries.add(entry);
                }
            }
        }
        return entries;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
