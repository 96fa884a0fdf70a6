package io.meterflow.reports.portal.cost;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.reports.portal.ProjectId;
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
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link RatingReader} over the rating engine's CloudKitty-compatible API ({@code /v2/summary},
 * {@code /v2/billing/...}). Every request names the project in its filter; the API trusts the
 * filter of an admin caller (noauth, basic {@code admin}, the service's Keystone token), so the
 * project the session settled is the only one read.
 */
public final class HttpRatingReader implements RatingReader {

    /** Rows per summary page; a project with more resources in a month is read page by page. */
    static final int PAGE = 1000;

    private final URI baseUri;
    private final HttpClient http;
    private final Duration timeout;
    private final Credential credential;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * @param baseUri the rating API's root, e.g. {@code http://127.0.0.1:8889}
     * @param http    shared client (connection pool)
     * @param timeout how long one answer may take before the page shows the API as unavailable
     */
    public HttpRatingReader(URI baseUri, HttpClient http, Duration timeout) {
        this(baseUri, http, timeout, null);
    }

    private HttpRatingReader(URI baseUri, HttpClient http, Duration timeout, Credential credential) {
        String root = baseUri.toString();
        this.baseUri = URI.create(root.endsWith("/") ? root : root + "/");
        this.http = http;
        this.timeout = timeout;
        this.credential = credential;
    }

    /** How each request proves who sends it: a header, and what to do when the API refuses it. */
    private record Credential(String header, Supplier<String> value, Consumer<String> refused) {}

    /** The same reader calling a rating API in basic mode as {@code user}. */
    public HttpRatingReader asBasicUser(String user) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":").getBytes(StandardCharsets.UTF_8));
        return new HttpRatingReader(baseUri, http, timeout, new Credential("Authorization", () -> basic, t -> {}));
    }

    /**
     * The same reader calling a rating API under Keystone with the tokens {@code tokens} gives: the
     * service's own (the portal has settled the project before it reads), or an operator's static
     * one. A token the API answers 401 to is handed to {@code refused} and the call made once more
     * with the next token, so a renewing supplier signs in again.
     */
    public HttpRatingReader withToken(Supplier<String> tokens, Consumer<String> refused) {
        return new HttpRatingReader(baseUri, http, timeout, new Credential("X-Auth-Token", tokens, refused));
    }

    @Override
    public List<ServiceDayCost> costByServiceAndDay(ProjectId project, Instant begin, Instant end) {
        List<ServiceDayCost> costs = new ArrayList<>();
        for (JsonNode row : summary(project, begin, end, "type,time-d")) {
            costs.add(new ServiceDayCost(
                    LocalDate.ofInstant(instant(row.path("begin").asText()), ZoneOffset.UTC),
                    row.path("type").asText(),
                    decimal(row.path("rate"))));
        }
        return costs;
    }

    @Override
    public List<ResourceCost> costByResource(ProjectId project, Instant begin, Instant end) {
        List<ResourceCost> costs = new ArrayList<>();
        for (JsonNode row : summary(project, begin, end, "id,type")) {
            costs.add(
                    new ResourceCost(row.path("id").asText(""), row.path("type").asText(), decimal(row.path("rate"))));
        }
        return costs;
    }

    @Override
    public BigDecimal totalCost(ProjectId project, Instant begin, Instant end) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode row : summary(project, begin, end, "type")) {
            total = total.add(decimal(row.path("rate")));
        }
        return total;
    }

    @Override
    public List<BudgetAlert> budgetAlerts(ProjectId project) {
        JsonNode answer = get("v2/billing/alerts?project_id=" + encode(project.value()), false)
                .orElseThrow();
        List<BudgetAlert> alerts = new ArrayList<>();
        for (JsonNode alert : answer.path("results")) {
            alerts.add(new BudgetAlert(
                    alert.path("id").asText(),
                    new Money(
                            new BigDecimal(alert.path("threshold").asText()),
                            Currency.getInstance(alert.path("currency").asText()))));
        }
        return alerts;
    }

    @Override
    public Optional<Money> planCharge(ProjectId project, YearMonth period) {
        return get("v2/billing/charges?project_id=" + encode(project.value()) + "&period=" + period, true)
                .map(charge -> new Money(
                        new BigDecimal(charge.path("total").asText()),
                        Currency.getInstance(charge.path("currency").asText())));
    }

    /** Every row of one grouped summary, following the pages. */
    private List<JsonNode> summary(ProjectId project, Instant begin, Instant end, String groupby) {
        List<JsonNode> rows = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            String path = "v2/summary?response_format=object&filters=" + encode("project_id:" + project.value())
                    + "&groupby=" + encode(groupby) + "&begin=" + encode(begin.toString()) + "&end="
                    + encode(end.toString()) + "&limit=" + PAGE + "&offset=" + offset;
            JsonNode page = get(path, false).orElseThrow().path("results");
            page.forEach(rows::add);
            if (page.size() < PAGE) {
                return rows;
            }
        }
    }

    private Optional<JsonNode> get(String path, boolean absentOn404) {
        try {
            HttpResponse<String> response = send(path);
            if (response.statusCode() == 404 && absentOn404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new RatingUnavailableException(
                        "rating API answered " + response.statusCode() + " to GET /" + path.replaceAll("\\?.*", ""));
            }
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            throw new RatingUnavailableException("rating API unreachable at " + baseUri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RatingUnavailableException("interrupted while reading the rating API", e);
        }
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(baseUri.resolve(path))
                    .timeout(timeout)
                    .header("Accept", "application/json")
                    .GET();
            String sent = null;
            if (credential != null) {
                try {
                    sent = credential.value().get();
                } catch (RuntimeException e) {
                    // The service could not sign in (Keystone down): the page shows the API as unavailable.
                    throw new RatingUnavailableException("no token for the rating API: " + e.getMessage(), e);
                }
                builder.header(credential.header(), sent);
            }
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 401 || credential == null || attempt > 0) {
                return response;
            }
            credential.refused().accept(sent);
        }
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.isNumber()
                ? node.decimalValue()
                : node.isTextual() ? new BigDecimal(node.asText()) : BigDecimal.ZERO;
    }

    /** CloudKitty's times: {@code 2026-11-02T00:00:00+00:00}, or naive UTC without the offset. */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException naive) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
