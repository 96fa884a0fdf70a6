package io.meterflow.reports.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.reports.invoice.InvoiceNumberFormat;
import io.meterflow.reports.invoice.Issuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The issuers' rows, and the one place invoice numbers are taken from. */
public final class Issuers {

    private final ObjectMapper json;

    public Issuers(ObjectMapper json) {
        this.json = json;
    }

    /** Creates or updates; the counter is set only on creation (a migration's starting offset). */
    public void save(Connection c, Issuer issuer, InvoiceNumberFormat format, long firstNumber) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO reports_issuers (id, data, number_pattern, next_number) VALUES (?, ?::jsonb, ?, ?)
                ON CONFLICT (id) DO UPDATE SET data = excluded.data, number_pattern = excluded.number_pattern,
                    updated_at = now()
                """)) {
            s.setString(1, issuer.id());
            s.setString(2, PartyJson.issuer(issuer).toString());
            s.setString(3, format.pattern());
            s.setLong(4, firstNumber);
            s.executeUpdate();
        }
    }

    public Optional<IssuerRecord> find(Connection c, String id) throws SQLException {
        List<IssuerRecord> found =
                query(c, "SELECT id, data, number_pattern, next_number FROM reports_issuers WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<IssuerRecord> list(Connection c) throws SQLException {
        return query(c, "SELECT id, data, number_pattern, next_number FROM reports_issuers ORDER BY id", null);
    }

    /**
     * Takes the issuer's next counter. The row stays locked until the caller's transaction ends:
     * concurrent issues wait, and a rollback hands the counter back, so numbers have no gap.
     */
    public long takeNumber(Connection c, String issuerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE reports_issuers SET next_number = next_number + 1 WHERE id = ? RETURNING next_number - 1")) {
            s.setString(1, issuerId);
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("issuer " + issuerId + " does not exist");
                }
                return row.getLong(1);
            }
        }
    }

    private List<IssuerRecord> query(Connection c, String sql, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setString(1, id);
            }
            List<IssuerRecord> found = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    found.add(new IssuerRecord(
                            PartyJson.issuer(read(row.getString("data")), row.getString("id")),
                            new InvoiceNumberFormat(row.getString("number_pattern")),
                            row.getLong("next_number")));
                }
            }
            return found;
        }
    }

    private com.fasterxml.jackson.databind.JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
