package io.meterflow.rating.dataframes;

import com.fasterxml.jackson.databind.node.TextNode;
import io.meterflow.rating.access.Caller;
import io.meterflow.rating.api.Timestamps;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudKitty's v1 report API over the rated points: the rated tenants of a period, the total
 * price, and totals per tenant and/or service. Decimals are printed as strings (WSME's Decimal).
 */
@Path("/v1/report")
@Produces(MediaType.APPLICATION_JSON)
public final class ReportResource {

    private final RatedDataStore store;
    private final String scopeKey;
    private final Clock clock;

    public ReportResource(RatedDataStore store, String scopeKey, Clock clock) {
        this.store = store;
        this.scopeKey = scopeKey;
        this.clock = clock;
    }

    /** The tenants with rated usage in the period (storage v1's answer: v2's lists scope states). */
    @GET
    @Path("tenants")
    public List<String> tenants(@QueryParam("begin") String begin, @QueryParam("end") String end) {
        return store.scopes(Periods.beginOr(begin, clock), Periods.endOr(end, clock));
    }

    @GET
    @Path("total")
    public TextNode total(
            @QueryParam("begin") String begin,
            @QueryParam("end") String end,
            @QueryParam("tenant_id") String asked,
            @QueryParam("service") String service,
            @QueryParam("all_tenants") @DefaultValue("false") boolean allTenants,
            @Context SecurityContext security) {
        String tenantId = askedOrOwn(asked, security);
        List<Map<String, Object>> rows = totals(begin, end, allTenants ? null : tenantId, service, List.of());
        return TextNode.valueOf(rows.stream()
                .map(r -> (BigDecimal) r.get("rate"))
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .toPlainString());
    }

    @GET
    @Path("summary")
    public Map<String, Object> summary(
            @QueryParam("begin") String begin,
            @QueryParam("end") String end,
            @QueryParam("tenant_id") String asked,
            @QueryParam("service") String service,
            @QueryParam("groupby") String groupby,
            @QueryParam("all_tenants") @DefaultValue("false") boolean allTenants,
            @Context SecurityContext security) {
        String tenantId = askedOrOwn(asked, security);
        List<String> keys = new ArrayList<>();
        if (groupby != null && groupby.contains("tenant_id")) {
            keys.add(scopeKey);
        }
        if (groupby != null && groupby.contains("res_type")) {
            keys.add("type");
        }
        Instant from = Periods.beginOr(begin, clock);
        Instant to = Periods.endOr(end, clock);
        List<Map<String, Object>> rows =
                new ArrayList<>(totals(begin, end, allTenants ? null : tenantId, service, keys));
        // Cheapest first, as storage v1 listed them.
        rows.sort(Comparator.comparing((Map<String, Object> r) -> (BigDecimal) r.get("rate")));
        List<Map<String, Object>> summary = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("tenant_id", keys.contains(scopeKey) ? row.get(scopeKey) : tenantIdOrAll(tenantId, allTenants));
            view.put("res_type", keys.contains("type") ? row.get("type") : (service == null ? "ALL" : service));
            view.put("begin", Timestamps.naive(from));
            view.put("end", Timestamps.naive(to));
            view.put("rate", ((BigDecimal) row.get("rate")).toPlainString());
            summary.add(view);
        }
        return Map.of("summary", summary);
    }

    /**
     * CloudKitty reads the project asked for, else the caller's own (none under noauth: all); the
     * policy has already refused a caller asking for a project not its own.
     */
    private static String askedOrOwn(String asked, SecurityContext security) {
        return asked != null ? asked : Caller.of(security).projectId();
    }

    private static String tenantIdOrAll(String tenantId, boolean allTenants) {
        return tenantId == null || allTenants ? "ALL" : tenantId;
    }

    private List<Map<String, Object>> totals(
            String begin, String end, String tenantId, String service, List<String> groupby) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (tenantId != null) {
            filters.put(scopeKey, List.of(tenantId));
        }
        List<String> types = service == null ? List.of() : List.of(service);
        Instant from = Periods.beginOr(begin, clock);
        Instant to = Periods.endOr(end, clock);
        if (!from.isBefore(to)) {
            return List.of();
        }
        return store.totals(new SummaryQuery(from, to, groupby, filters, types, 0, Integer.MAX_VALUE))
                .rows();
    }
}
