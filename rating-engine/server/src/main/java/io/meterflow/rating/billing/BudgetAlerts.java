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
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Budget alerts: when a project's charge for a billing period reaches a threshold, its webhook is
 * called and, where a bus is configured, an oslo notification is published, once per period each.
 * A channel's period is recorded only after the webhook answered 2xx or the broker confirmed, so a
 * failed one is tried again on the next refresh: at least once, never silently dropped.
 */
final class BudgetAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(BudgetAlerts.class);

    static final String EVENT_TYPE = "meterflow.budget.threshold_reached";

    /** @param webhook empty: the bus alone carries it */
    record Alert(UUID id, String projectId, Money threshold, Optional<URI> webhook) {}

    /**
     * An alert whose threshold a period's charge has reached, to be sent after the charge is
     * stored, on the channels that have not carried it for the period yet.
     */
    record Due(Alert alert, BillingPeriod period, Money total, boolean webhookPending, boolean busPending) {}

    private final Jdbc jdbc;
    private final ObjectMapper json;
    private final BusNotifier bus;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BudgetAlerts(Jdbc jdbc, ObjectMapper json, BusNotifier bus) {
        this.jdbc = jdbc;
        this.json = json;
        this.bus = bus;
    }

    /** Whether alerts reach the notification bus: an alert without a webhook needs it. */
    boolean busEnabled() {
        return bus.enabled();
    }

    void create(Connection c, Alert alert) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO rating_budget_alerts (id, project_id, threshold, currency, webhook_url) VALUES (?, ?, ?, ?, ?)",
                alert.id(),
                alert.projectId(),
                alert.threshold().amount(),
                alert.threshold().currency().getCurrencyCode(),
                alert.webhook().map(URI::toString).orElse(null));
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
                        webhook(row.getString(5))),
                projectId,
                projectId);
    }

    boolean delete(Connection c, UUID id) throws SQLException {
        return Jdbc.update(c, "DELETE FROM rating_budget_alerts WHERE id = ?", id) > 0;
    }

    /** The project's alerts that {@code total} reaches and that a channel has not carried for the period. */
    List<Due> due(Connection c, String projectId, BillingPeriod period, Money total) throws SQLException {
        Timestamp start = Timestamp.from(period.start());
        return Jdbc.list(
                        c,
                        "SELECT id, project_id, threshold, webhook_url,"
                                + " webhook_url IS NOT NULL AND (last_notified_period IS NULL OR last_notified_period < ?),"
                                + " ? AND (last_published_period IS NULL OR last_published_period < ?)"
                                + " FROM rating_budget_alerts WHERE project_id = ? AND currency = ? AND threshold <= ?",
                        row -> new Due(
                                new Alert(
                                        (UUID) row.getObject(1),
                                        row.getString(2),
                                        new Money(row.getBigDecimal(3), total.currency()),
                                        webhook(row.getString(4))),
                                period,
                                total,
                                row.getBoolean(5),
                                row.getBoolean(6)),
                        start,
                        bus.enabled(),
                        start,
                        projectId,
                        total.currency().getCurrencyCode(),
                        total.amount())
                .stream()
                .filter(due -> due.webhookPending() || due.busPending())
                .toList();
    }

    /** Sends each alert on its pending channels, recording each channel that carried it. */
    void send(List<Due> due) {
        for (Due alert : due) {
            if (alert.busPending()) {
                publish(alert);
            }
            if (alert.webhookPending() && !call(alert)) {
                return; // interrupted: the rest waits for the next refresh
            }
        }
    }

    private void publish(Due alert) {
        try {
            bus.publish(messageId(alert), EVENT_TYPE, payload(alert));
            record("last_published_period", alert);
        } catch (java.io.IOException e) {
            LOG.warn(
                    "Budget alert {} not published on the bus ({}); retried on the next refresh",
                    alert.alert().id(),
                    e.getMessage());
        }
    }

    /** One id per alert and period: a resend after a crash before the record carries the same one. */
    static UUID messageId(Due alert) {
        return UUID.nameUUIDFromBytes(
                (alert.alert().id() + "|" + alert.period().start()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void record(String channelColumn, Due alert) {
        jdbc.inTransaction(c -> Jdbc.update(
                c,
                "UPDATE rating_budget_alerts SET " + channelColumn + " = ? WHERE id = ?",
                Timestamp.from(alert.period().start()),
                alert.alert().id()));
    }

    private static Optional<URI> webhook(String url) {
        return Optional.ofNullable(url).map(URI::create);
    }

    /** Calls the webhook; a 2xx answer records the period. @return false when interrupted */
    private boolean call(Due alert) {
        try {
            HttpResponse<Void> response = http.send(
                    HttpRequest.newBuilder(alert.alert().webhook().orElseThrow())
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body(alert)))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                record("last_notified_period", alert);
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
            return false;
        }
        return true;
    }

    /** The webhook's body: the notification's payload with its event type. */
    private String body(Due alert) {
        ObjectNode body = json.createObjectNode();
        body.put("event_type", EVENT_TYPE);
        body.setAll(payload(alert));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ObjectNode payload(Due alert) {
        ObjectNode payload = json.createObjectNode();
        payload.put("alert_id", alert.alert().id().toString());
        payload.put("project_id", alert.alert().projectId());
        payload.put("period", alert.period().toString());
        payload.put("period_start", alert.period().start().toString());
        payload.put("period_end", alert.period().end().toString());
        payload.put("threshold", alert.alert().threshold().amount().toPlainString());
        payload.put("total", alert.total().amount().toPlainString());
        payload.put("currency", alert.total().currency().getCurrencyCode());
        return payload;
    }
}
