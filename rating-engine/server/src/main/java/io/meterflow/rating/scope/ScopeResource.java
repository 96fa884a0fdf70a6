package io.meterflow.rating.scope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.api.JsonBodies;
import io.meterflow.rating.api.QueryParameters;
import io.meterflow.rating.api.Timestamps;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v2/scope}: list, reset, create and change scope states as CloudKitty's v2 API does.
 * Unlike CloudKitty 17, a scope can be created without a {@code last_processed_timestamp} (it is
 * then rated from the start); a reset takes effect at once rather than through the processor.
 */
@Path("/v2/scope")
@Produces(MediaType.APPLICATION_JSON)
public final class ScopeResource {

    private final ScopeStateStore states;
    private final ScopeDefaults defaults;
    private final ObjectMapper json;

    public ScopeResource(ScopeStateStore states, ScopeDefaults defaults, ObjectMapper json) {
        this.states = states;
        this.defaults = defaults;
        this.json = json;
    }

    @GET
    public Map<String, Object> list(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        int offset = QueryParameters.nonNegative("offset", QueryParameters.single("offset", query.get("offset")), 0);
        int limit = QueryParameters.nonNegative("limit", QueryParameters.single("limit", query.get("limit")), 100);
        Boolean active = null;
        List<String> activeValues = QueryParameters.multi(query.get("active"));
        if (!activeValues.isEmpty()) {
            active = !activeValues.get(0).equals("0") && !activeValues.get(0).equalsIgnoreCase("false");
        }
        ScopeStateStore.Selection selection = new ScopeStateStore.Selection(
                QueryParameters.multi(query.get("scope_id")),
                QueryParameters.multi(query.get("scope_key")),
                QueryParameters.multi(query.get("fetcher")),
                QueryParameters.multi(query.get("collector")),
                active);
        List<ScopeState> found = states.select(selection, offset, limit);
        if (found.isEmpty()) {
            throw CloudKittyError.notFound("No resource found for provided filters.");
        }
        return Map.of("results", found.stream().map(ScopeResource::view).toList());
    }

    @PUT
    public Response reset(String body) {
        // Read by hand: a PUT without a body or a content type is a 400, not Jersey's 415.
        JsonNode request = JsonBodies.parse(json, body);
        if (request == null || !request.isObject()) {
            throw CloudKittyError.badRequest("Invalid data: the body must be a JSON object");
        }
        boolean allScopes = request.path("all_scopes").asBoolean(false);
        List<String> scopeIds = strings(request.get("scope_id"));
        if (allScopes && request.has("scope_id")) {
            throw CloudKittyError.badRequest("all_scopes and scope_id are exclusive");
        }
        if (!allScopes && !request.has("scope_id")) {
            throw CloudKittyError.badRequest("Either all_scopes or a scope_id should be specified.");
        }
        String when = request.hasNonNull("last_processed_timestamp")
                ? request.get("last_processed_timestamp").asText()
                : request.hasNonNull("state") ? request.get("state").asText() : null;
        if (when == null) {
            throw CloudKittyError.badRequest("Variables 'state' and 'last_processed_timestamp' cannot be empty/None."
                    + " We expect at least one of them.");
        }
        Instant to = Timestamps.parse(when)
                .orElseThrow(() -> CloudKittyError.badRequest("Invalid data: invalid date '" + when + "'"));
        ScopeStateStore.Selection selection = new ScopeStateStore.Selection(
                allScopes ? List.of() : scopeIds,
                strings(request.get("scope_key")),
                strings(request.get("fetcher")),
                strings(request.get("collector")),
                null);
        if (states.reset(selection, to).isEmpty()) {
            throw CloudKittyError.notFound("No resource found for provided filters.");
        }
        return Response.accepted(Map.of()).build();
    }

    @POST
    public Map<String, Object> create(JsonNode body) {
        JsonNode request = body == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : body;
        String scopeId = text(request, "scope_id");
        if (scopeId == null) {
            throw CloudKittyError.badRequest("Invalid data: required key not provided @ data['scope_id']");
        }
        String last = text(request, "last_processed_timestamp");
        Instant lastProcessed = last == null
                ? null
                : Timestamps.parse(last)
                        .orElseThrow(() -> CloudKittyError.badRequest(
                                "Invalid data: invalid date '" + last + "' @ data['last_processed_timestamp']"));
        ScopeState created = states.create(
                scopeId,
                orElse(text(request, "scope_key"), defaults.scopeKey()),
                orElse(text(request, "fetcher"), defaults.fetcher()),
                orElse(text(request, "collector"), defaults.collector()),
                request.has("active") ? request.get("active").asBoolean() : null,
                lastProcessed);
        return view(created);
    }

    @PATCH
    public Map<String, Object> patch(JsonNode body) {
        JsonNode request = body == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : body;
        String scopeId = text(request, "scope_id");
        if (scopeId == null) {
            throw CloudKittyError.badRequest("Invalid data: required key not provided @ data['scope_id']");
        }
        return view(states.patch(
                scopeId,
                text(request, "scope_key"),
                text(request, "fetcher"),
                text(request, "collector"),
                request.has("active") ? request.get("active").asBoolean() : null));
    }

    private static Map<String, Object> view(ScopeState state) {
        String last = state.lastProcessed() == null ? null : Timestamps.isoUtc(state.lastProcessed());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("scope_id", state.scopeId());
        view.put("scope_key", state.scopeKey());
        view.put("fetcher", state.fetcher());
        view.put("collector", state.collector());
        view.put("state", last);
        view.put("last_processed_timestamp", last);
        view.put("active", state.active());
        view.put(
                "scope_activation_toggle_date",
                state.activationToggled() == null ? null : Timestamps.isoUtc(state.activationToggled()));
        return view;
    }

    private static List<String> strings(JsonNode value) {
        List<String> values = new ArrayList<>();
        if (value == null || value.isNull()) {
            return values;
        }
        if (value.isArray()) {
            value.forEach(v -> values.add(v.asText()));
        } else {
            values.add(value.asText());
        }
        return QueryParameters.multi(values);
    }

    private static String text(JsonNode request, String key) {
        JsonNode value = request.get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String orElse(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
