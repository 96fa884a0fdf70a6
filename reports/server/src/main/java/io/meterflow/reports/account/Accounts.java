package io.meterflow.reports.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Billing accounts and which projects each pays for. */
public final class Accounts {

    private static final String SELECT = """
            SELECT a.id, a.issuer_id, a.customer, a.discount_percent,
                   coalesce(array_agg(p.project_id ORDER BY p.project_id) FILTER (WHERE p.project_id IS NOT NULL),
                            '{}') AS projects
            FROM reports_accounts a LEFT JOIN reports_account_projects p ON p.account_id = a.id
            """;

    private final ObjectMapper json;

    public Accounts(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Creates or replaces an account and its projects. A project already billed to another account
     * moves only when {@code move} says so; otherwise the caller gets the conflicting account.
     */
    public Optional<String> save(Connection c, BillingAccount account) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO reports_accounts (id, issuer_id, customer, discount_percent) VALUES (?, ?, ?::jsonb, ?)
                ON CONFLICT (id) DO UPDATE SET issuer_id = excluded.issuer_id, customer = excluded.customer,
                    discount_percent = excluded.discount_percent, updated_at = now()
                """)) {
            s.setString(1, account.id());
            s.setString(2, account.issuerId());
            s.setString(3, PartyJson.customer(account.customer()).toString());
            s.setBigDecimal(4, account.discountPercent());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT account_id FROM reports_account_projects WHERE project_id = ANY (?) AND account_id <> ?")) {
            s.setArray(1, c.createArrayOf("varchar", account.projects().toArray()));
            s.setString(2, account.id());
            try (ResultSet row = s.executeQuery()) {
                if (row.next()) {
                    return Optional.of(row.getString(1));
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("DELETE FROM reports_account_projects WHERE account_id = ?")) {
            s.setString(1, account.id());
            s.executeUpdate();
        }
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO reports_account_projects (project_id, account_id) VALUES (?, ?)")) {
            for (String project : account.projects()) {
                s.setString(1, project);
                s.setString(2, account.id());
                s.addBatch();
            }
            s.executeBatch();
        }
        return Optional.empty();
    }

    public Optional<BillingAccount> find(Connection c, String id) throws SQLException {
        List<BillingAccount> found = query(c, SELECT + " WHERE a.id = ? GROUP BY a.id", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public List<BillingAccount> list(Connection c) throws SQLException {
        return query(c, SELECT + " GROUP BY a.id ORDER BY a.id", null);
    }

    /** The accounts paying for this project (at most one). */
    public List<BillingAccount> ofProject(Connection c, String projectId) throws SQLException {
        return query(
                c,
                SELECT + " WHERE a.id = (SELECT account_id FROM reports_account_projects WHERE project_id = ?)"
                        + " GROUP BY a.id",
                projectId);
    }

    private List<BillingAccount> query(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            List<BillingAccount> found = new ArrayList<>();
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    found.add(new BillingAccount(
                            row.getString("id"),
                            row.getString("issuer_id"),
                            PartyJson.customer(read(row.getString("customer")), "customer"),
                            row.getBigDecimal("discount_percent"),
                            Arrays.asList((String[]) row.getArray("projects").getArray())));
                }
            }
            return found;
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
