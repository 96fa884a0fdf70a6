package io.meterflow.rating.scope;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.api.QueryParameters;
import io.meterflow.rating.api.Timestamps;
import io.meterflow.rating.database.Jdbc;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v2/task/reprocesses}: schedules to rate a scope's past period again, checked as
 * CloudKitty checks them (known scopes, a reason, a period already rated, no overlap with a
 * pending schedule of the same scope).
 */
@Path("/v2/task/reprocesses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class ReprocessResource {

    private static final String ALL_SCOPES = "ALL";

    private final Jdbc jdbc;
    private final ScopeStateStore states;

    public ReprocessResource(Jdbc jdbc, ScopeStateStore states) {
        this.jdbc = jdbc;
        this.states = states;
    }

    @POST
    public Response schedule(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw CloudKittyError.badRequest("Invalid data: the body must be a JSON object");
        }
        List<String> scopeIds = new ArrayList<>();
        JsonNode ids = body.get("scope_ids");
        if (ids == null || ids.isNull()) {
            throw CloudKittyError.badRequest("Invalid data: required key not provided @ data['scope_ids']");
        }
        if (ids.isArray()) {
            ids.forEach(id -> scopeIds.add(id.asText()));
        } else {
            scopeIds.add(ids.asText());
        }
        List<String> requested = QueryParameters.multi(scopeIds);
        Instant start = time(body, "start_reprocess_time");
        Instant end = time(body, "end_reprocess_time");
        String reason = body.path("reason").asText("");
        if (reason.isBlank()) {
            throw CloudKittyError.badRequest("Empty or blank reason text is not allowed. Please, do inform/register"
                    + " the reason for the reprocessing of a previously processed timestamp.");
        }
        if (end.isBefore(start)) {
            throw CloudKittyError.badRequest("End reprocessing timestamp [" + end
                    + "] cannot be less than start reprocessing timestamp [" + start + "].");
        }
        if (requested.contains(ALL_SCOPES) && requested.size() != 1) {
            throw CloudKittyError.badRequest("Cannot use 'ALL' with scope ID [" + requested + "]. Either schedule a"
                    + " reprocessing for all active scopes using 'ALL' option, or inform only the scopes you desire"
                    + " to schedule a reprocessing.");
        }
        boolean all = requested.contains(ALL_SCOPES);
        List<ScopeState> scopes = states.select(
                new ScopeStateStore.Selection(all ? List.of() : requested, List.of(), List.of(), List.of(), null),
                0,
                Integer.MAX_VALUE);
        List<String> unknown = new ArrayList<>(all ? List.of() : requested);
        scopes.forEach(s -> unknown.remove(s.scopeId()));
        if (!unknown.isEmpty()) {
            throw CloudKittyError.badRequest("Scopes " + unknown + " scheduled to reprocess [start=" + start + ", end="
                    + end + "] do not exist.");
        }
        for (ScopeState scope : scopes) {
            if (scope.lastProcessed() == null || end.isAfter(scope.lastProcessed())) {
                throw CloudKittyError.badRequest("Cannot execute a reprocessing [start=" + start + ", end=" + end
                        + "] for " + scope.scopeId() + " after its last processed timestamp ["
                        + scope.lastProcessed() + "].");
            }
        }
        jdbc.inTransaction(c -> {
            for (ScopeState scope : scopes) {
                boolean overlaps = Jdbc.first(
                                c,
                                "SELECT 1 FROM rating_reprocess_schedules WHERE scope_id = ?"
                                        + " AND start_reprocess_time < ? AND end_reprocess_time > ?"
                                        + " AND (current_reprocess_time IS NULL OR current_reprocess_time < end_reprocess_time)",
                                row -> true,
                                scope.scopeId(),
                                Timestamp.from(end),
                                Timestamp.from(start))
                        .isPresent();
                if (overlaps) {
                    throw CloudKittyError.badRequest("Cannot schedule a reprocessing for scope [" + scope.scopeId()
                            + "] for reprocessing time [" + start + " - " + end
                            + "], because it already has a schedule for a similar time range.");
                }
                Jdbc.update(
                        c,
                        "INSERT INTO rating_reprocess_schedules (scope_id, reason, start_reprocess_time,"
                                + " end_reprocess_time) VALUES (?, ?, ?, ?)",
                        scope.scopeId(),
                        reason,
                        Timestamp.from(start),
                        Timestamp.from(end));
            }
            return null;
        });
        return Response.accepted(Map.of()).build();
    }

    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        List<String> scopeIds = QueryParameters.multi(query.get("scope_ids"));
        int offset = QueryParameters.nonNegative("offset", QueryParameters.single("offset", query.get("offset")), 0);
        int limit = QueryParameters.nonNegative("limit", QueryParameters.single("limit", query.get("limit")), 100);
        List<Map<String, Object>> schedules = jdbc.inTransaction(c -> Jdbc.list(
                c,
                "SELECT reason, scope_id, start_reprocess_time, end_reprocess_time, current_reprocess_time"
                        + " FROM rating_reprocess_schedules WHERE (cardinality(?::text[]) = 0 OR scope_id = ANY (?))"
                        + " ORDER BY id LIMIT ? OFFSET ?",
                row -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("reason", row.getString(1));
                    view.put("scope_id", row.getString(2));
                    view.put(
                            "start_reprocess_time",
                            Timestamps.isoUtc(row.getTimestamp(3).toInstant()));
                    view.put(
                            "end_reprocess_time",
                            Timestamps.isoUtc(row.getTimestamp(4).toInstant()));
                    Timestamp current = row.getTimestamp(5);
                    view.put("current_reprocess_time", current == null ? null : Timestamps.isoUtc(current.toInstant()));
                    return view;
                },
                scopeIds.toArray(String[]::new),
                scopeIds.toArray(String[]::new),
                limit,
                offset));
        return Map.of("results", schedules);
    }

    private static Instant time(JsonNode body, String key) {
        JsonNode value = body.get(key);
        if (value == null || value.isNull()) {
            throw CloudKittyError.badRequest("Invalid data: required key not provided @ data['" + key + "']");
        }
        return Timestamps.parse(value.asText())
                .orElseThrow(() -> CloudKittyError.badRequest(
                        "Invalid data: invalid date '" + value.asText() + "' @ data['" + key + "']"));
    }
}
