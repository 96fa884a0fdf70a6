package io.meterflow.reports.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.reports.access.Guard;
import io.meterflow.reports.access.ReportsPolicies;
import io.meterflow.reports.api.ConflictException;
import io.meterflow.reports.api.InvalidInputException;
import io.meterflow.reports.api.NotFoundException;
import io.meterflow.reports.database.Transactions;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /v1/accounts}: billing accounts. {@code PUT /v1/accounts/{id}} with {@code issuer_id},
 * {@code customer} ({@code party}, {@code currency}, {@code language}, {@code tax}),
 * {@code discount_percent} and {@code projects}.
 */
@Path("/v1/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AccountResource {

    private final Transactions transactions;
    private final Accounts accounts;
    private final Issuers issuers;
    private final Guard guard;

    public AccountResource(Transactions transactions, Accounts accounts, Issuers issuers, Guard guard) {
        this.transactions = transactions;
        this.accounts = accounts;
        this.issuers = issuers;
        this.guard = guard;
    }

    @GET
    public List<JsonNode> list(@Context ContainerRequestContext request) {
        guard.require(ReportsPolicies.ACCOUNT_READ, IssuerResource.caller(request), null);
        return transactions.run(
                c -> accounts.list(c).stream().map(AccountResource::view).toList());
    }

    @GET
    @Path("{id}")
    public JsonNode get(@PathParam("id") String id, @Context ContainerRequestContext request) {
        guard.require(ReportsPolicies.ACCOUNT_READ, IssuerResource.caller(request), null);
        return transactions
                .run(c -> accounts.find(c, id))
                .map(AccountResource::view)
                .orElseThrow(() -> new NotFoundException("account " + id + " does not exist"));
    }

    @PUT
    @Path("{id}")
    public JsonNode put(@PathParam("id") String id, JsonNode body, @Context ContainerRequestContext request) {
        guard.require(ReportsPolicies.ACCOUNT_MANAGE, IssuerResource.caller(request), null);
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("body: a JSON object is required");
        }
        String issuerId = PartyJson.text(body, "issuer_id", "account", true);
        var customer = PartyJson.customer(PartyJson.required(body, "customer", "account"), "customer");
        BigDecimal discount;
        try {
            discount = new BigDecimal(body.path("discount_percent").asText("0"));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("discount_percent: not a decimal");
        }
        if (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("discount_percent: between 0 and 100");
        }
        List<String> projects = new ArrayList<>();
        for (JsonNode project : body.path("projects")) {
            projects.add(project.asText());
        }
        BillingAccount account = new BillingAccount(id, issuerId, customer, discount, projects);
        return transactions.run(c -> {
            if (issuers.find(c, issuerId).isEmpty()) {
                throw new InvalidInputException("issuer_id: issuer " + issuerId + " does not exist");
            }
            var other = accounts.save(c, account);
            if (other.isPresent()) {
                throw new ConflictException("a project of this account is already billed to account " + other.get());
            }
            return view(accounts.find(c, id).orElseThrow());
        });
    }

    static JsonNode view(BillingAccount account) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("id", account.id());
        node.put("issuer_id", account.issuerId());
        node.set("customer", PartyJson.customer(account.customer()));
        node.put("discount_percent", account.discountPercent().toPlainString());
        var projects = node.putArray("projects");
        account.projects().forEach(projects::add);
        return node;
    }
}
