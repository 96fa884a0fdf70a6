package io.meterflow.reports.ratingsource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The rating engine, read through its HTTP API as any client would (never its tables): rated usage
 * from one grouped {@code /v2/summary} per period, units from {@code /v1/info/metrics}, plan
 * charges from {@code /v2/billing/charges}, rating progress from {@code /v2/scope}. The invoice
 * service never prices; it bills what these answers say.
 */
public final class RatingEngineClient {

    private static final int PAGE = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final URI base;
    private final Supplier<Optional<String>> token;
    private final Consumer<String> refused;
    private final String credentialHeader;
    private final ObjectMapper json;
    private final HttpClient http;

    /** @param token the X-Auth-Token to send, if the rating API wants one */
    public RatingEngineClient(URI base, Supplier<Optional<String>> token, ObjectMapper json) {
        this(base, "X-Auth-Token", token, refused -> {}, json);
    }

    /**
     * A client whose token is renewed: a token the rating API answers 401 to is handed to
     * {@code refused}, and the call is made once more with the next one {@code token} gives.
     */
    public RatingEngineClient(URI base, Supplier<Optional<String>> token, Consumer<String> refused, ObjectMapper json) {
        this(base, "X-Auth-Token", token, refused, json);
    }

    /** A client of a rating API in basic mode, calling as {@code user} (the admin, for invoice runs). */
    public static RatingEngineClient basic(URI base, String user, ObjectMapper json) {
        String credentials =
                "Basic " + Base64.getEncoder().encodeToString((user + ":").getBytes(StandardCharsets.UTF_8));
        return new RatingEngineClient(base, "Authorization", () -> Optional.of(credentials), refused -> {}, json);
    }

    private RatingEngineClient(
            URI base,
            String credentialHeader,
            Supplier<Optional<String>> token,
            Consumer<String> refused,
            ObjectMapper json) {
        this.credentialHeader = credentialHeader;
        this.refused = refused;
        this.base = URI.create(base.toString().replaceAll("/+$", "") + "/");
        this.token = token;
        // Quantities and prices stay exact decimals: never through a double.
        this.json = json.copy().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Every project's quantity and price per rating type rated in [begin, end). */
    public List<RatedUsage> usage(Instant begin, Instant end) {
        List<RatedUsage> rows = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            JsonNode answer = get("v2/summary?response_format=object&groupby=project_id&groupby=type"
                    + "&begin=" + encode(begin.toString()) + "&end=" + encode(end.toString())
                    + "&offset=" + offset + "&limit=" + PAGE);
            JsonNode results = answer.path("results");
            for (JsonNode row : results) {
                rows.add(new RatedUsage(
                        row.path("project_id").asText(""),
                        row.path("type").asText(),
                        decimal(row.path("qty")),
                        decimal(row.path("rate"))));
            }
            if (results.size() < PAGE) {
                return rows;
            }
        }
    }

    /** The unit of each rating type, from the rating engine's metrics configuration. */
    public Map<String, String> units() {
        Map<String, String> units = new HashMap<>();
        for (JsonNode metric : get("v1/info/metrics").path("metrics")) {
            units.put(metric.path("metric_id").asText(), metric.path("unit").asText(""));
        }
        return units;
    }

    /** Every stored plan charge of a UTC calendar month. */
    public List<PlanCharge> charges(YearMonth month) {
        List<PlanCharge> charges = new ArrayList<>();
        for (JsonNode charge : get("v2/billing/charges?period=" + month).path("results")) {
            charges.add(planCharge(charge));
        }
        return charges;
    }

    /** A project's current charge for the month (computed now unless frozen); empty without a plan. */
    public Optional<PlanCharge> charge(String projectId, YearMonth month) {
        HttpRequest request = request("v2/billing/charges?project_id=" + encode(projectId) + "&period=" + month)
                .GET()
                .build();
        try {
            return Optional.of(planCharge(send(request)));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** Fixes a project's plan charge for the month, as the invoice that bills it is issued. */
    public PlanCharge freeze(String projectId, YearMonth month) {
        String body = json.createObjectNode()
                .put("project_id", projectId)
                .put("period", month.toString())
                .toString();
        return planCharge(send(request("v2/billing/charges/freeze")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build()));
    }

    /** Every scope the rating engine knows and how far it is rated. */
    public List<ScopeProgress> scopes() {
        List<ScopeProgress> scopes = new ArrayList<>();
        for (int offset = 0; ; offset += 1000) {
            JsonNode results;
            try {
                results = get("v2/scope?offset=" + offset + "&limit=1000").path("results");
            } catch (NotFound none) {
                // CloudKitty answers 404 where no scope (or no further page) exists.
                return scopes;
            }
            for (JsonNode scope : results) {
                JsonNode last = scope.path("last_processed_timestamp");
                scopes.add(new ScopeProgress(
                        scope.path("scope_id").asText(),
                        last.isNull() || last.isMissingNode() ? Optional.empty() : Optional.of(instant(last.asText())),
                        scope.path("active").asBoolean(true)));
            }
            if (results.size() < 1000) {
                return scopes;
            }
        }
    }

    private PlanCharge planCharge(JsonNode charge) {
        List<PlanCharge.Line> lines = new ArrayList<>();
        for (JsonNode line : charge.path("lines")) {
            lines.add(new PlanCharge.Line(
                    line.path("kind").asText(),
                    line.path("rating_type").isNull()
                            ? ""
                            : line.path("rating_type").asText(""),
                    line.path("description").asText(""),
                    decimal(line.path("quantity")),
                    line.path("unit_price").isNull() || line.path("unit_price").isMissingNode()
                            ? BigDecimal.ZERO
                            : decimal(line.path("unit_price")),
                    decimal(line.path("amount"))));
        }
        return new PlanCharge(
                charge.path("project_id").asText(),
                charge.path("plan_code").asText(),
                charge.path("currency").asText(),
                charge.path("frozen").asBoolean(false),
                lines);
    }

    private JsonNode get(String path) {
        return send(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).header("Accept", "application/json");
    }

    /** Sends with the current credential; after a 401, once more with the next one. */
    private JsonNode send(HttpRequest unsigned) {
        Optional<String> sent = token.get();
        HttpResponse<String> response = exchange(signed(unsigned, sent));
        if (response.statusCode() == 401 && sent.isPresent()) {
            refused.accept(sent.get());
            response = exchange(signed(unsigned, token.get()));
        }
        return answer(unsigned, response);
    }

    private HttpRequest signed(HttpRequest unsigned, Optional<String> credential) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(unsigned, (name, value) -> true);
        credential.ifPresent(t -> builder.header(credentialHeader, t));
        return builder.build();
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new RatingEngineException("rating engine at " + base + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RatingEngineException("interrupted while asking the rating engine", e);
        }
    }

    private JsonNode answer(HttpRequest request, HttpResponse<String> response) {
        if (response.statusCode() == 404) {
            throw new NotFound();
        }
        if (response.statusCode() / 100 != 2) {
            throw new RatingEngineException(request.method() + " "
                    + request.uri().getPath() + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new RatingEngineException(
                    "rating engine answered no JSON for " + request.uri().getPath(), e);
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText("0"));
    }

    private static Instant instant(String text) {
        String iso = text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$") ? text : text + "Z";
        return java.time.OffsetDateTime.parse(iso).toInstant();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A 404 from the rating engine: for a charge, "no plan in that month". */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}
