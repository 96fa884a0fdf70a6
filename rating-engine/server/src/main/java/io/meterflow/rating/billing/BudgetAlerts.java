package io.meterflow.rating.billing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.plan.Money;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Budget alerts: a project's webhook called when its charge for a billing period reaches a
 * threshold, once per period. The period is recorded as notified only after the webhook answered
 * 2xx, so a failed call is made again on the next refresh: at least once, never silently dropped.
 */
final class BudgetAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetAlerts.class);

    record Alert(UUID id, String projectId, Money threshold, URI webhook) {}

    /** An alert whose threshold a period's charge has reached, to be called after the charge is stored. */
    record Due(Alert alert, BillingPeriod period, Money total) {}

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BudgetAlerts(Jdbc jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void create(Connection c, Alert alert) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO rating_budget_alerts (id, project_id, threshold, currency, webhook_url) VALUES (?, ?, ?, ?, ?)",
                alert.id(),
                alert.projectId(),
                alert.threshold().amount(),
                alert.threshold().currency().getCurrencyCode(),
                alert.webhook().toString());
    }

    List<Alert> of(Connection c, String projectId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT id, project_id, threshold, currency, webhook_url FROM rating_budget_alerts"
                        + " WHERE (?::text IS NULL OR project_id = ?) ORDER BY project_id, created_at",
                row -> new Alert(
                        (UUID) row.getObject(1),
                        row.getString(2),
                        new Money(
                                row.getBigDecimal(3),
                                Currency.getInstance(row.getString(4).trim())),
                        URI.create(row.getString(5))),
                projectId,
                projectId);
    }

    boolean delete(Connection c, UUID id) throws SQLException {
        return Jdbc.update(c, "DELETE FROM rating_budget_alerts WHERE id = ?", id) > 0;
    }

    /** The project's alerts that {@code total} reaches and that have not been sent for the period. */
    List<Due> due(Connection c, String projectId, BillingPeriod period, Money total) throws SQLException {
        return Jdbc.list(
                        c,
                        "SELECT id, project_id, threshold, currency, webhook_url FROM rating_budget_alerts"
                                + " WHERE project_id = ? AND currency = ? AND threshold <= ?"
                                + " AND (last_notified_period IS NULL OR last_notified_period < ?)",
                        row -> new Alert(
                                (UUID) row.getObject(1),
                                row.getString(2),
                                new Money(row.getBigDecimal(3), total.currency()),
                                URI.create(row.getString(5))),
                        projectId,
                        total.currency().getCurrencyCode(),
                        total.amount(),
                        Timestamp.from(period.start()))
                .stream()
                .map(alert -> new Due(alert, period, total))
                .toList();
    }

    /** Calls each webhook; a 2xx answer marks the period notified, anything else is retried later. */
    void send(List<Due> due) {
        for (Due alert : due) {
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(alert.alert().webhook())
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body(alert)))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() / 100 == 2) {
                    jdbc.inTransaction(c -> Jdbc.update(
                            c,
                            "UPDATE rating_budget_alerts SET last_notified_period = ? WHERE id = ?",
                            Timestamp.from(alert.period().start()),
                            alert.alert().id()));
                } else {
                    LOG.warn(
                            "Budget alert {} webhook answered {}; retried on the next refresh",
                            alert.alert().id(),
                            response.statusCode());
                }
            } catch (java.io.IOException e) {
                LOG.warn(
                        "Budget alert {} webhook failed ({}); retried on the next refresh",
                        alert.alert().id(),
                        e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String body(Due alert) {
        ObjectNode body = json.createObjectNode();
        body.put("event_type", "meterflow.budget.threshold_reached");
        body.put("alert_id", alert.alert().id().toString());
        body.put("project_id", alert.alert().projectId());
        body.put("period", alert.period().toString());
        body.put("threshold", alert.alert().threshold().amount().toPlainString());
        body.put("total", alert.total().amount().toPlainString());
        body.put("currency", alert.total().currency().getCurrencyCode());
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
