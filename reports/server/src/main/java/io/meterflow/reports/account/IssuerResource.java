package io.meterflow.reports.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.reports.access.Caller;
import io.meterflow.reports.access.Guard;
import io.meterflow.reports.access.ReportsPolicies;
import io.meterflow.reports.api.InvalidInputException;
import io.meterflow.reports.api.NotFoundException;
import io.meterflow.reports.database.Transactions;
import io.meterflow.reports.invoice.InvoiceNumberFormat;
import io.meterflow.reports.invoice.Issuer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /v1/issuers}: the operator's legal entities. {@code number_pattern} (default
 * {@code INV-{YYYY}{MM}-{SEQ:6}}) and, at creation only, {@code first_number} (to continue a
 * sequence migrated from another system).
 */
@Path("/v1/issuers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class IssuerResource {

    private final Transactions transactions;
    private final Issuers issuers;
    private final Guard guard;

    public IssuerResource(Transactions transactions, Issuers issuers, Guard guard) {
        this.transactions = transactions;
        this.issuers = issuers;
        this.guard = guard;
    }

    @GET
    public List<JsonNode> list(@Context ContainerRequestContext request) {
        guard.require(ReportsPolicies.ISSUER_MANAGE, caller(request), null);
        return transactions.run(
                c -> issuers.list(c).stream().map(IssuerResource::view).toList());
    }

    @GET
    @Path("{id}")
    public JsonNode get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        guard.require(ReportsPolicies.ISSUER_MANAGE, caller(request), null);
        return transactions
                .run(c -> issuers.find(c, id))
                .map(IssuerResource::view)
                .orElseThrow(() -> new NotFoundException("issuer " + id + " does not exist"));
    }

    @PUT
    @Path("{id}")
    public JsonNode put(@PathParam("id") String id, JsonNode body, @Context ContainerRequestContext request) {
        guard.require(ReportsPolicies.ISSUER_MANAGE, caller(request), null);
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body: a JSON object is required");
        }
        Issuer issuer;
        try {
            issuer = PartyJson.issuer(body, id);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage());
        }
        InvoiceNumberFormat format;
        try {
            format = body.hasNonNull("number_pattern")
                    ? new InvoiceNumberFormat(body.get("number_pattern").asText())
                    : InvoiceNumberFormat.DEFAULT;
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("number_pattern: " + e.getMessage());
        }
        long first = body.path("first_number").asLong(1);
        if (first < 1) {
            throw new InvalidInputException("first_number: must be at least 1");
        }
        return transactions.run(c -> {
            issuers.save(c, issuer, format, first);
            return view(issuers.find(c, id).orElseThrow());
        });
    }

    static JsonNode view(IssuerRecord record) {
        ObjectNode node = PartyJson.issuer(record.issuer());
        node.put("number_pattern", record.numberFormat().pattern());
        node.put("next_number", record.nextNumber());
        return node;
    }

    static Caller caller(ContainerRequestContext request) {
        return (Caller) request.getProperty(Caller.PROPERTY);
    }
}
