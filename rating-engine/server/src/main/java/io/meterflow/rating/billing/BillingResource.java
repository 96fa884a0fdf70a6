package io.meterflow.rating.billing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.rating.access.Caller;
import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.api.Timestamps;
import io.meterflow.rating.database.Jdbc;
import io.meterflow.rating.plan.Money;
import io.meterflow.rating.plan.Plan;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Meterflow's own billing endpoints beside CloudKitty's v2 API, with its error shape
 * ({@code {"message"}}): plans, which project is on which plan, prepaid credits, and each
 * project's charge per billing period (docs/rating-api.md#plans-credits-and-charges).
 */
@Path("/v2/billing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class BillingResource {

    private final Jdbc jdbc;
    private final BillingStore store;
    private final BudgetAlerts alerts;
    private final RunningCharges charges;

    BillingResource(Jdbc jdbc, BillingStore store, BudgetAlerts alerts, RunningCharges charges) {
        this.jdbc = jdbc;
        this.store = store;
        this.alerts = alerts;
        this.charges = charges;
    }

    @POST
    @Path("plans")
    public Response createPlan(JsonNode body) {
        Plan plan = refusedAs400(() -> PlanJson.read(body));
        ObjectNode definition = ((ObjectNode) body).deepCopy();
        definition.remove("created_at");
        jdbc.inTransaction(c -> {
            try {
                store.createPlan(c, plan.code(), plan.currency(), definition);
            } catch (BillingConflictException e) {
                throw CloudKittyError.conflict(e.getMessage());
            }
            return null;
        });
        return Response.status(201)
                .entity(planView(planOrNotFound(plan.code())))
                .build();
    }

    @GET
    @Path("plans")
    public Map<String, Object> plans() {
        List<JsonNode> results = new ArrayList<>();
        jdbc.inTransaction(c -> store.plans(c)).forEach(plan -> results.add(planView(plan)));
        return Map.of("results", results);
    }

    @GET
    @Path("plans/{code}")
    public JsonNode plan(@PathParam("code") String code) {
        return planView(planOrNotFound(code));
    }

    @DELETE
    @Path("plans/{code}")
    public Response deletePlan(@PathParam("code") String code) {
        planOrNotFound(code);
        if (!jdbc.inTransaction(c -> store.deletePlan(c, code))) {
            throw CloudKittyError.conflict("Plan " + code + " is in use by a subscription or a charge");
        }
        return Response.noContent().build();
    }

    /** {"project_id", "plan_code", "starts_at", "ends_at"}: on billing period boundaries, never overlapping. */
    @POST
    @Path("subscriptions")
    public Response subscribe(JsonNode body) {
        BillingStore.Subscription subscription = refusedAs400(() -> subscription(body));
        planOrNotFound(subscription.planCode());
        jdbc.inTransaction(c -> {
            for (BillingStore.Subscription other : store.subscriptions(c, subscription.projectId(), true)) {
                boolean overlaps = (other.endsAt() == null || other.endsAt().isAfter(subscription.startsAt()))
                        && (subscription.endsAt() == null
                                || subscription.endsAt().isAfter(other.startsAt()));
                if (overlaps) {
                    throw CloudKittyError.conflict("Project " + subscription.projectId() + " is already on plan "
                            + other.planCode() + " from " + other.startsAt()
                            + (other.endsAt() == null ? "" : " to " + other.endsAt()));
                }
            }
            store.createSubscription(c, subscription);
            return null;
        });
        return Response.status(201).entity(subscriptionView(subscription)).build();
    }

    @GET
    @Path("subscriptions")
    public Map<String, Object> subscriptions(@QueryParam("project_id") String projectId) {
        List<JsonNode> results = new ArrayList<>();
        jdbc.inTransaction(c -> store.subscriptions(c, projectId, false))
                .forEach(s -> results.add(subscriptionView(s)));
        return Map.of("results", results);
    }

    /** {"project_id", "amount", "currency", "effective_at", "expires_at", "priority", "reason"}. */
    @POST
    @Path("credits")
    public Response grant(JsonNode body) {
        BillingStore.StoredCredit credit = refusedAs400(() -> credit(body));
        jdbc.inTransaction(c -> {
            store.createCredit(c, credit);
            return null;
        });
        return Response.status(201).entity(creditView(credit)).build();
    }

    @GET
    @Path("credits")
    public Map<String, Object> credits(@QueryParam("project_id") String projectId) {
        List<JsonNode> results = new ArrayList<>();
        jdbc.inTransaction(c -> store.credits(c, projectId, null)).forEach(credit -> results.add(creditView(credit)));
        return Map.of("results", results);
    }

    /**
     * With {@code project_id}: that project's charge for {@code period} (default: the current one),
     * computed now unless frozen. Without: every stored charge of the period.
     */
    @GET
    @Path("charges")
    public Object charges(
            @QueryParam("project_id") String asked,
            @QueryParam("period") String period,
            @Context SecurityContext security) {
        String projectId = ownUnlessAdmin(asked, security);
        BillingPeriod billingPeriod = period == null
                ? BillingPeriod.containing(Instant.now())
                : refusedAs400(() -> BillingPeriod.parse("period", period));
        if (projectId == null) {
            return Map.of("results", jdbc.inTransaction(c -> store.charges(c, billingPeriod.start())));
        }
        return charges.current(projectId, billingPeriod)
                .orElseThrow(
                        () -> CloudKittyError.notFound("Project " + projectId + " has no plan in " + billingPeriod));
    }

    /** {"project_id", "period"}: fixes an ended, fully rated period's charge for the invoice run. */
    @POST
    @Path("charges/freeze")
    public JsonNode freeze(JsonNode body) {
        String projectId = refusedAs400(() -> requiredText(body, "project_id"));
        BillingPeriod period = refusedAs400(
                () -> BillingPeriod.parse("period", body.path("period").asText(null)));
        return conflictAs409(() -> charges.freeze(projectId, period));
    }

    /**
     * {"project_id", "threshold", "currency", "webhook_url"}: sent once per billing period the
     * charge reaches it, to the webhook and on the notification bus; the webhook may be left out
     * when the bus is configured.
     */
    @POST
    @Path("alerts")
    public Response createAlert(JsonNode body) {
        BudgetAlerts.Alert alert = refusedAs400(() -> alert(body, alerts.busEnabled()));
        jdbc.inTransaction(c -> {
            alerts.create(c, alert);
            return null;
        });
        return Response.status(201).entity(alertView(alert)).build();
    }

    @GET
    @Path("alerts")
    public Map<String, Object> alerts(@QueryParam("project_id") String asked, @Context SecurityContext security) {
        String projectId = ownUnlessAdmin(asked, security);
        List<JsonNode> results = new ArrayList<>();
        jdbc.inTransaction(c -> alerts.of(c, projectId)).forEach(alert -> results.add(alertView(alert)));
        return Map.of("results", results);
    }

    @DELETE
    @Path("alerts/{id}")
    public Response deleteAlert(@PathParam("id") String id) {
        UUID alertId;
        try {
            alertId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw CloudKittyError.notFound("No such alert: " + id);
        }
        if (!jdbc.inTransaction(c -> alerts.delete(c, alertId))) {
            throw CloudKittyError.notFound("No such alert: " + id);
        }
        return Response.noContent().build();
    }

    /**
     * The project whose rows a read may return: what an admin asked for (none: all), a caller's
     * own otherwise (the policy refused one asking for another project).
     */
    private static String ownUnlessAdmin(String asked, SecurityContext security) {
        Caller caller = Caller.of(security);
        if (caller.isAdmin()) {
            return asked;
        }
        if (caller.projectId() == null) {
            throw CloudKittyError.notFound("No project in the caller's token");
        }
        return caller.projectId();
    }

    private static BudgetAlerts.Alert alert(JsonNode body, boolean busEnabled) {
        String projectId = requiredText(body, "project_id");
        Currency currency = currency(body);
        BigDecimal threshold = positiveDecimal(body, "threshold");
        JsonNode url = body.path("webhook_url");
        if (url.isMissingNode() || url.isNull()) {
            if (!busEnabled) {
                throw new InvalidPlanException(
                        "webhook_url: required, since no notification bus is configured (METERFLOW_AMQP_URL)");
            }
            return new BudgetAlerts.Alert(
                    UUID.randomUUID(), projectId, new Money(threshold, currency), Optional.empty());
        }
        java.net.URI webhook;
        try {
            webhook = java.net.URI.create(requiredText(body, "webhook_url"));
        } catch (IllegalArgumentException e) {
            throw new InvalidPlanException("webhook_url: not a URL");
        }
        if (!"http".equals(webhook.getScheme()) && !"https".equals(webhook.getScheme())) {
            throw new InvalidPlanException("webhook_url: must be an http or https URL");
        }
        return new BudgetAlerts.Alert(
                UUID.randomUUID(), projectId, new Money(threshold, currency), Optional.of(webhook));
    }

    private static JsonNode alertView(BudgetAlerts.Alert alert) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("id", alert.id().toString());
        view.put("project_id", alert.projectId());
        view.put("threshold", alert.threshold().amount().toPlainString());
        view.put("currency", alert.threshold().currency().getCurrencyCode());
        view.put("webhook_url", alert.webhook().map(java.net.URI::toString).orElse(null));
        return view;
    }

    private BillingStore.StoredPlan planOrNotFound(String code) {
        return jdbc.inTransaction(c -> store.plan(c, code))
                .orElseThrow(() -> CloudKittyError.notFound("No such plan: " + code));
    }

    private static BillingStore.Subscription subscription(JsonNode body) {
        String projectId = requiredText(body, "project_id");
        String planCode = requiredText(body, "plan_code");
        Instant startsAt = boundary(body, "starts_at", true);
        Instant endsAt = boundary(body, "ends_at", false);
        if (endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new InvalidPlanException("ends_at: must be after starts_at");
        }
        return new BillingStore.Subscription(UUID.randomUUID(), projectId, planCode, startsAt, endsAt);
    }

    private static Instant boundary(JsonNode body, String field, boolean required) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidPlanException(
                        field + ": the start of a billing period is required," + " e.g. 2026-12-01T00:00:00Z");
            }
            return null;
        }
        Instant instant = time(field, value);
        if (!BillingPeriod.isBoundary(instant)) {
            throw new InvalidPlanException(field + ": plans change between billing periods only: the first"
                    + " day of a month at 00:00 UTC, not " + value.asText());
        }
        return instant;
    }

    private static BillingStore.StoredCredit credit(JsonNode body) {
        String projectId = requiredText(body, "project_id");
        Currency currency = currency(body);
        BigDecimal amount = positiveDecimal(body, "amount");
        Instant effectiveAt =
                body.hasNonNull("effective_at") ? time("effective_at", body.get("effective_at")) : Instant.now();
        Instant expiresAt = body.hasNonNull("expires_at") ? time("expires_at", body.get("expires_at")) : null;
        if (expiresAt != null && !expiresAt.isAfter(effectiveAt)) {
            throw new InvalidPlanException("expires_at: must be after effective_at");
        }
        JsonNode priority = body.path("priority");
        if (!priority.isMissingNode() && !priority.isNull() && !priority.isInt()) {
            throw new InvalidPlanException("priority: must be an integer (lower is drawn first)");
        }
        Money money = new Money(amount, currency);
        return new BillingStore.StoredCredit(
                UUID.randomUUID(),
                projectId,
                money,
                money,
                effectiveAt,
                expiresAt,
                priority.asInt(0),
                requiredText(body, "reason"));
    }

    private static Currency currency(JsonNode body) {
        try {
            return Currency.getInstance(requiredText(body, "currency"));
        } catch (IllegalArgumentException e) {
            throw new InvalidPlanException("currency: not an ISO 4217 currency code");
        }
    }

    private static BigDecimal positiveDecimal(JsonNode body, String field) {
        BigDecimal value;
        try {
            value = new BigDecimal(requiredText(body, field).trim());
        } catch (NumberFormatException e) {
            throw new InvalidPlanException(field + ": not a decimal");
        }
        if (value.signum() <= 0) {
            throw new InvalidPlanException(field + ": must be positive");
        }
        return value;
    }

    private static Instant time(String field, JsonNode value) {
        Optional<Instant> parsed = value.isTextual() ? Timestamps.parse(value.asText()) : Optional.empty();
        return parsed.orElseThrow(
                () -> new InvalidPlanException(field + ": " + value + " is not an ISO 8601 date and time"));
    }

    private static String requiredText(JsonNode body, String field) {
        if (body == null || !body.isObject()) {
            throw new InvalidPlanException("the body must be a JSON object");
        }
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new InvalidPlanException(field + ": a non-empty string is required");
        }
        return value.asText();
    }

    private static JsonNode planView(BillingStore.StoredPlan plan) {
        return PlanJson.view(plan.definition(), plan.createdAt().toString());
    }

    private static JsonNode subscriptionView(BillingStore.Subscription s) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("id", s.id().toString());
        view.put("project_id", s.projectId());
        view.put("plan_code", s.planCode());
        view.put("starts_at", s.startsAt().toString());
        view.put("ends_at", s.endsAt() == null ? null : s.endsAt().toString());
        return view;
    }

    private static JsonNode creditView(BillingStore.StoredCredit credit) {
        ObjectNode view = JsonNodeFactory.instance.objectNode();
        view.put("id", credit.id().toString());
        view.put("project_id", credit.projectId());
        view.put("amount", credit.amount().amount().toPlainString());
        view.put("balance", credit.balance().amount().toPlainString());
        view.put("currency", credit.amount().currency().getCurrencyCode());
        view.put("effective_at", credit.effectiveAt().toString());
        view.put(
                "expires_at",
                credit.expiresAt() == null ? null : credit.expiresAt().toString());
        view.put("priority", credit.priority());
        view.put("reason", credit.reason());
        return view;
    }

    private static <T> T refusedAs400(Supplier<T> read) {
        try {
            return read.get();
        } catch (InvalidPlanException e) {
            throw CloudKittyError.badRequest(e.getMessage());
        }
    }

    private static <T> T conflictAs409(Supplier<T> work) {
        try {
            return work.get();
        } catch (BillingConflictException e) {
            throw CloudKittyError.conflict(e.getMessage());
        }
    }
}
