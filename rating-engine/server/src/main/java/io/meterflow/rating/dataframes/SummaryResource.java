package io.meterflow.rating.dataframes;

import io.meterflow.rating.access.Caller;
import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.api.QueryParameters;
import io.meterflow.rating.api.Timestamps;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v2/summary}: totals grouped as asked, in CloudKitty's {@code table} format (columns
 * plus rows) or its {@code object} format. Empty time buckets are never listed.
 */
@Path("/v2/summary")
@Produces(MediaType.APPLICATION_JSON)
public final class SummaryResource {

    private final RatedDataStore store;
    private final Clock clock;

    public SummaryResource(RatedDataStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @GET
    public Map<String, Object> summary(@Context UriInfo uri, @Context SecurityContext security) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Caller caller = Caller.of(security);
        String format = QueryParameters.single("response_format", query.get("response_format"));
        format = format == null ? "table" : format;
        if (!format.equals("table") && !format.equals("object")) {
            throw CloudKittyError.badRequest(
                    "Invalid response format [" + format + "]. Valid format are [['table', 'object']].");
        }
        int offset = QueryParameters.nonNegative("offset", QueryParameters.single("offset", query.get("offset")), 0);
        int limit = QueryParameters.nonNegative("limit", QueryParameters.single("limit", query.get("limit")), 100);
        Instant begin = Periods.beginOr(QueryParameters.single("begin", query.get("begin")), clock);
        Instant end = Periods.endOr(QueryParameters.single("end", query.get("end")), clock);
        Map<String, List<String>> filters = new LinkedHashMap<>(QueryParameters.dict(query.get("filters"), false));
        List<String> types = filters.containsKey("type") ? filters.remove("type") : List.of();
        List<String> groupby = QueryParameters.multi(query.get("groupby"));
        if (!caller.isAdmin()) {
            // CloudKitty 22: a caller who is not admin reads its own project, whatever it filters on.
            if (caller.projectId() == null) {
                return nothingFor(format);
            }
            filters.put("project_id", List.of(caller.projectId()));
        }
        RatedDataStore.Totals totals =
                store.totals(new SummaryQuery(begin, end, groupby, filters, types, offset, limit));

        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", totals.total());
        List<Map<String, Object>> rows =
                totals.rows().stream().map(SummaryResource::printable).toList();
        if (format.equals("table")) {
            answer.put(
                    "columns",
                    rows.isEmpty() ? List.of() : new ArrayList<>(rows.get(0).keySet()));
            answer.put(
                    "results",
                    rows.stream().map(r -> new ArrayList<>(r.values())).toList());
        } else {
            answer.put("results", rows);
        }
        answer.put("format", format);
        return answer;
    }

    private static Map<String, Object> nothingFor(String format) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", 0);
        if (format.equals("table")) {
            answer.put("columns", List.of());
        }
        answer.put("results", List.of());
        answer.put("format", format);
        return answer;
    }

    private static Map<String, Object> printable(Map<String, Object> row) {
        Map<String, Object> printable = new LinkedHashMap<>(row);
        printable.put("begin", Timestamps.isoUtc((Instant) row.get("begin")));
        printable.put("end", Timestamps.isoUtc((Instant) row.get("end")));
        return printable;
    }
}
