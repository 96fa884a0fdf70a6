package io.meterflow.rating.dataframes;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.access.Caller;
import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.api.QueryParameters;
import io.meterflow.rating.api.Timestamps;
import io.meterflow.rating.dataframe.DataPoint;
import io.meterflow.rating.hashmap.PythonText;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v2/dataframes}: rated dataframes pushed and read in CloudKitty's v2 shape. A read pages
 * by point ({@code limit} 100 by default) and groups the page by period and type.
 */
@Path("/v2/dataframes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class DataframesResource {

    private final RatedDataStore store;
    private final Clock clock;
    private final String scopeKey;

    /** @param scopeKey the groupby key of a point's project, which a caller who is not admin is kept to */
    public DataframesResource(RatedDataStore store, Clock clock, String scopeKey) {
        this.store = store;
        this.clock = clock;
        this.scopeKey = scopeKey;
    }

    @POST
    public Response push(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("dataframes")) {
            throw CloudKittyError.badRequest("Invalid data: required key not provided @ data['dataframes']");
        }
        JsonNode frames = body.get("dataframes");
        if (!frames.isArray()) {
            throw CloudKittyError.badRequest("Invalid data: expected a list @ data['dataframes']");
        }
        if (frames.isEmpty()) {
            throw CloudKittyError.badRequest("Parameter dataframes must not be empty.");
        }
        List<RatedFrame> parsed = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            parsed.add(frame(frames.get(i), "data['dataframes'][" + i + "]"));
        }
        store.push(parsed);
        return Response.noContent().build();
    }

    @GET
    public Map<String, Object> read(@Context UriInfo uri, @Context SecurityContext security) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Caller caller = Caller.of(security);
        int offset = QueryParameters.nonNegative("offset", QueryParameters.single("offset", query.get("offset")), 0);
        int limit = QueryParameters.nonNegative("limit", QueryParameters.single("limit", query.get("limit")), 100);
        Instant begin = Periods.beginOr(QueryParameters.single("begin", query.get("begin")), clock);
        Instant end = Periods.endOr(QueryParameters.single("end", query.get("end")), clock);
        Map<String, List<String>> filters = new LinkedHashMap<>(QueryParameters.dict(query.get("filters"), true));
        List<String> types = filters.containsKey("type") ? filters.remove("type") : List.of();
        if (!caller.isAdmin()) {
            // CloudKitty 22: a caller who is not admin reads its own scope, whatever it filters on.
            if (caller.projectId() == null) {
                return Map.of("total", 0, "dataframes", List.of());
            }
            filters.put(scopeKey, List.of(caller.projectId()));
        }
        RatedDataStore.Page page = store.points(begin, end, filters, types, offset, limit);
        if (page.total() < 1) {
            throw CloudKittyError.notFound("No resource found for provided filters.");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total", page.total());
        answer.put("dataframes", framesOf(page.points()));
        return answer;
    }

    /** Consecutive points of one period make one frame; within it, points are listed by type. */
    private static List<Map<String, Object>> framesOf(List<RatedPoint> points) {
        List<Map<String, Object>> frames = new ArrayList<>();
        Map<String, List<Object>> usage = null;
        Instant begin = null;
        Instant end = null;
        for (RatedPoint point : points) {
            if (usage == null || !point.begin().equals(begin) || !point.end().equals(end)) {
                begin = point.begin();
                end = point.end();
                usage = new LinkedHashMap<>();
                Map<String, Object> frame = new LinkedHashMap<>();
                frame.put("period", Map.of("begin", Timestamps.isoUtc(begin), "end", Timestamps.isoUtc(end)));
                frame.put("usage", usage);
                frames.add(frame);
            }
            usage.computeIfAbsent(point.type(), t -> new ArrayList<>()).add(pointView(point.point()));
        }
        return frames;
    }

    static Map<String, Object> pointView(DataPoint point) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("vol", Map.of("unit", point.unit(), "qty", point.quantity()));
        view.put("rating", Map.of("price", point.price()));
        view.put("groupby", point.groupby());
        view.put("metadata", point.metadata());
        return view;
    }

    private static RatedFrame frame(JsonNode frame, String path) {
        JsonNode period = required(frame, "period", path);
        Instant begin = instant(required(period, "begin", path + "['period']"), path + "['period']['begin']");
        Instant end = instant(required(period, "end", path + "['period']"), path + "['period']['end']");
        JsonNode usage = required(frame, "usage", path);
        if (!usage.isObject()) {
            throw invalid("expected a dictionary", path + "['usage']");
        }
        Map<String, List<DataPoint>> points = new LinkedHashMap<>();
        for (var type : usage.properties()) {
            if (!type.getValue().isArray()) {
                throw invalid("expected a list", path + "['usage']['" + type.getKey() + "']");
            }
            List<DataPoint> ofType = new ArrayList<>();
            for (JsonNode point : type.getValue()) {
                ofType.add(point(point, path + "['usage']['" + type.getKey() + "']"));
            }
            points.put(type.getKey(), ofType);
        }
        return new RatedFrame(begin, end, points);
    }

    /** CloudKitty's DATAPOINT_SCHEMA: qty and price coerced through str(), attributes to strings. */
    private static DataPoint point(JsonNode point, String path) {
        JsonNode vol = required(point, "vol", path);
        String unit = pythonStr(required(vol, "unit", path + "['vol']"));
        BigDecimal qty = decimal(required(vol, "qty", path + "['vol']"), path + "['vol']['qty']");
        JsonNode rating = point.get("rating");
        BigDecimal price = rating == null || !rating.has("price")
                ? BigDecimal.ZERO
                : decimal(rating.get("price"), path + "['rating']['price']");
        Map<String, Object> groupby = strings(required(point, "groupby", path), path + "['groupby']");
        Map<String, Object> metadata = strings(required(point, "metadata", path), path + "['metadata']");
        return new DataPoint(unit.isEmpty() ? "undefined" : unit, qty, price, groupby, metadata);
    }

    private static Map<String, Object> strings(JsonNode attributes, String path) {
        if (!attributes.isObject()) {
            throw invalid("expected a dictionary", path);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (var attribute : attributes.properties()) {
            values.put(attribute.getKey(), pythonStr(attribute.getValue()));
        }
        return values;
    }

    private static String pythonStr(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isNull()) {
            return "None";
        }
        if (value.isBoolean()) {
            return PythonText.str(value.booleanValue());
        }
        if (value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        if (value.isNumber()) {
            return PythonText.str(value.doubleValue());
        }
        return value.toString();
    }

    private static BigDecimal decimal(JsonNode value, String path) {
        try {
            return new BigDecimal(pythonStr(value));
        } catch (NumberFormatException e) {
            throw invalid("expected a number", path);
        }
    }

    private static Instant instant(JsonNode value, String path) {
        return Timestamps.parse(value.asText()).orElseThrow(() -> invalid("invalid date " + value.asText(), path));
    }

    private static JsonNode required(JsonNode parent, String key, String path) {
        JsonNode value = parent == null ? null : parent.get(key);
        if (value == null || value.isNull()) {
            throw invalid("required key not provided", path + "['" + key + "']");
        }
        return value;
    }

    private static CloudKittyError invalid(String message, String path) {
        return CloudKittyError.badRequest("Invalid data: " + message + " @ " + path);
    }
}
