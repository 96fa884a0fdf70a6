package io.meterflow.reports.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.reports.access.Caller;
import io.meterflow.reports.access.Guard;
import io.meterflow.reports.access.ReportsPolicies;
import io.meterflow.reports.api.InvalidInputException;
import io.meterflow.reports.api.NotFoundException;
import io.meterflow.reports.database.Transactions;
import io.meterflow.reports.invoice.InvoiceAction;
import io.meterflow.reports.invoice.InvoiceStatus;
import io.meterflow.reports.invoice.ServicePeriod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Invoice runs and invoices ({@code docs/reports-api.md}). Every answer about an invoice lists
 * its {@code allowed_actions}. A tenant sees only the invoices of the account its project belongs
 * to: the list is filtered in the query, and another account's invoice answers 404.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class InvoiceResource {

    private final Transactions transactions;
    private final Invoices invoices;
    private final InvoiceRuns runs;
    private final InvoiceLifecycle lifecycle;
    private final Guard guard;
    private final Map<String, Rendering> renderings;

    public InvoiceResource(
            Transactions transactions,
            Invoices invoices,
            InvoiceRuns runs,
            InvoiceLifecycle lifecycle,
            Guard guard,
            Map<String, Rendering> renderings) {
        this.transactions = transactions;
        this.invoices = invoices;
        this.runs = runs;
        this.lifecycle = lifecycle;
        this.guard = guard;
        this.renderings = renderings;
    }

    /** {"period": "2026-11"} in the billing time zone, or {"start": "2026-11-01", "end": "2026-12-01"}. */
    @POST
    @Path("invoice-runs")
    public Map<String, Object> run(JsonNode body, @Context ContainerRequestContext request) {
        Caller caller = caller(request);
        guard.require(ReportsPolicies.INVOICE_MANAGE, caller, null);
        ServicePeriod period = period(body);
        RunResult result = runs.run(period, caller.name());
        return Map.of(
                "period", result.period(),
                "created", result.created(),
                "recomputed", result.recomputed(),
                "already_issued", result.alreadyIssued(),
                "drafts", result.drafts().stream().map(UUID::toString).toList());
    }

    @GET
    @Path("invoices")
    public Map<String, Object> list(
            @QueryParam("account_id") String accountId,
            @QueryParam("period") String period,
            @QueryParam("status") String status,
            @QueryParam("limit") Integer limit,
            @Context ContainerRequestContext request) {
        Caller caller = caller(request);
        String tenantProject = null;
        if (!guard.allows(ReportsPolicies.ACCOUNT_READ, caller, null)) {
            // A tenant reads its own account's issued invoices, whatever it asks for: the query
            // resolves the account from the project and leaves drafts out.
            guard.require(ReportsPolicies.INVOICE_READ, caller, caller.projectId());
            if (caller.projectId() == null) {
                return Map.of("invoices", List.of());
            }
            tenantProject = caller.projectId();
        }
        LocalDate start = period == null ? null : month(period).start();
        if (status != null) {
            try {
                InvoiceStatus.fromApiName(status);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status: one of draft, issued, paid, voided, skipped");
            }
        }
        String project = tenantProject;
        int max = limit == null ? 1000 : Math.max(1, Math.min(limit, 10_000));
        List<InvoiceRecord> found = transactions.run(c -> invoices.list(c, project, accountId, start, status, max));
        return Map.of("invoices", found.stream().map(InvoiceResource::summary).toList());
    }

    @GET
    @Path("invoices/{id}")
    public JsonNode get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        InvoiceRecord invoice = readable(id, caller(request));
        ObjectNode view = summary(invoice);
        var notes = view.putArray("credit_notes");
        lifecycle.creditNotesOf(invoice.id()).forEach(note -> notes.add(note.toString()));
        view.set("document", DocumentJson.write(invoice.document()));
        return view;
    }

    /** The invoice as a file: pdf, csv, json, facturx (whichever this service renders). */
    @GET
    @Path("invoices/{id}/{format: pdf|csv|json|facturx}")
    @Produces(MediaType.WILDCARD)
    public Response download(
            @PathParam("id") String id, @PathParam("format") String format, @Context ContainerRequestContext request) {
        InvoiceRecord invoice = readable(id, caller(request));
        Rendering rendering = renderings.get(format);
        if (rendering == null) {
            throw new NotFoundException("this service renders no " + format);
        }
        String name = (invoice.document().number().isEmpty()
                        ? "draft-" + invoice.id()
                        : invoice.document().number()) + "." + rendering.extension();
        return Response.ok(rendering.render().apply(invoice.document()), rendering.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .build();
    }

    @GET
    @Path("invoices/{id}/audit")
    public Map<String, Object> audit(@PathParam("id") String id, @Context ContainerRequestContext request) {
        guard.require(ReportsPolicies.AUDIT_READ, caller(request), null);
        return Map.of("audit", lifecycle.auditOf(uuid(id)));
    }

    @POST
    @Path("invoices/{id}/actions/{action}")
    public JsonNode act(
            @PathParam("id") String id, @PathParam("action") String action, @Context ContainerRequestContext request) {
        Caller caller = caller(request);
        guard.require(ReportsPolicies.INVOICE_MANAGE, caller, null);
        UUID invoice = uuid(id);
        InvoiceAction wanted;
        try {
            wanted = InvoiceAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no action " + action + ": recompute, issue, mark_paid or void");
        }
        InvoiceRecord after = switch (wanted) {
            case RECOMPUTE -> lifecycle.recompute(invoice, caller.name());
            case ISSUE -> lifecycle.issue(invoice, caller.name());
            case MARK_PAID -> lifecycle.markPaid(invoice, caller.name());
            case VOID -> lifecycle.voidInvoice(invoice, caller.name());
            case DELETE, CREDIT ->
                throw new NotFoundException("use DELETE /v1/invoices/{id} or POST /v1/invoices/{id}/credit-notes");
        };
        return get(after.id().toString(), request);
    }

    @DELETE
    @Path("invoices/{id}")
    public Response delete(@PathParam("id") String id, @Context ContainerRequestContext request) {
        Caller caller = caller(request);
        guard.require(ReportsPolicies.INVOICE_MANAGE, caller, null);
        lifecycle.delete(uuid(id), caller.name());
        return Response.noContent().build();
    }

    /** {"reason": "...", "amount": "12.50"}: amount is net, taxed at the invoice's rate; none credits it all. */
    @POST
    @Path("invoices/{id}/credit-notes")
    public Response credit(@PathParam("id") String id, JsonNode body, @Context ContainerRequestContext request) {
        Caller caller = caller(request);
        guard.require(ReportsPolicies.INVOICE_MANAGE, caller, null);
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body: a JSON object is required");
        }
        Optional<BigDecimal> amount;
        try {
            amount = body.hasNonNull("amount")
                    ? Optional.of(new BigDecimal(body.get("amount").asText()))
                    : Optional.empty();
        } catch (NumberFormatException e) {
            throw new InvalidInputException("amount: not a decimal");
        }
        InvoiceRecord note = lifecycle.creditNote(uuid(id), body.path("reason").asText(null), amount, caller.name());
        return Response.status(201).entity(get(note.id().toString(), request)).build();
    }

    private InvoiceRecord readable(String id, Caller caller) {
        UUID invoiceId = uuid(id);
        Optional<InvoiceRecord> found;
        if (guard.allows(ReportsPolicies.ACCOUNT_READ, caller, null)) {
            found = transactions.run(c -> invoices.find(c, invoiceId, false));
        } else if (caller.projectId() != null
                && guard.allows(ReportsPolicies.INVOICE_READ, caller, caller.projectId())) {
            // A tenant: the query itself keeps to its project's account and leaves drafts out.
            found = transactions.run(c -> invoices.ofProjectAccount(c, caller.projectId(), invoiceId)).stream()
                    .findFirst();
        } else {
            found = Optional.empty();
        }
        return found.orElseThrow(() -> new NotFoundException("invoice " + id + " does not exist"));
    }

    private static ObjectNode summary(InvoiceRecord invoice) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        var d = invoice.document();
        node.put("id", invoice.id().toString());
        node.put("type", d.type().name().toLowerCase(Locale.ROOT));
        node.put("status", invoice.status().apiName());
        var actions = node.putArray("allowed_actions");
        invoice.status().allowedActions().stream()
                .filter(a -> d.type() == io.meterflow.reports.invoice.DocumentType.INVOICE || a != InvoiceAction.CREDIT)
                .forEach(a -> actions.add(a.apiName()));
        node.put("number", d.number().isEmpty() ? null : d.number());
        node.put("account_id", d.accountId());
        node.put("period_start", d.period().start().toString());
        node.put("period_end", d.period().end().toString());
        node.put("time_zone", d.period().zone().getId());
        node.put("currency", d.customer().currency().getCurrencyCode());
        node.put("total", d.totals().total().amount().toPlainString());
        node.put("issue_date", d.issueDate() == null ? null : d.issueDate().toString());
        node.put("due_date", d.dueDate() == null ? null : d.dueDate().toString());
        node.put("corrects", invoice.corrects().map(UUID::toString).orElse(null));
        node.put("created_at", invoice.createdAt().toString());
        node.put("issued_at", invoice.issuedAt().map(Object::toString).orElse(null));
        node.put("paid_at", invoice.paidAt().map(Object::toString).orElse(null));
        node.put("voided_at", invoice.voidedAt().map(Object::toString).orElse(null));
        return node;
    }

    private ServicePeriod period(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body: {\"period\": \"2026-11\"} or {\"start\", \"end\"} is required");
        }
        if (body.hasNonNull("period")) {
            return month(body.get("period").asText());
        }
        try {
            return new ServicePeriod(
                    LocalDate.parse(body.path("start").asText()),
                    LocalDate.parse(body.path("end").asText()),
                    runs.settings().zone());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(
                    "start, end: dates such as 2026-11-01 are required (" + e.getParsedString() + ")");
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private ServicePeriod month(String text) {
        try {
            return ServicePeriod.month(YearMonth.parse(text), runs.settings().zone());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("period: " + text + " is not a month such as 2026-11");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("invoice " + id + " does not exist");
        }
    }

    private static Caller caller(ContainerRequestContext request) {
        return (Caller) request.getProperty(Caller.PROPERTY);
    }
}
