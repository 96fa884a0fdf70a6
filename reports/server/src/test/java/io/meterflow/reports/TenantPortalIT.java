package io.meterflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tenant portal as the reports service serves it, over the real invoice store and rating API:
 * project A signed in sees and downloads A's issued invoices only; B's answer 404; an operator's
 * signed link opens a session for its project alone. (The browser-level test, in real Chromium,
 * is reports/portal's PortalIT.)
 */
@RealServices
class TenantPortalIT {

    @Test
    void aTenantSeesAndDownloadsOnlyItsOwnAccountsInvoices(PostgresDatabase db) throws Exception {
        try (RatingApiFixture rating = RatingApiFixture.start(db);
                ReportsApiFixture reports = ReportsApiFixture.start(
                        db,
                        rating.baseUri(),
                        Map.of(
                                "billing.defaultIssuer", "acme",
                                "portal.linkSecret", "a-portal-link-secret-of-at-least-32-chars"))) {
            assertThat(reports.put(
                                    "/v1/issuers/acme",
                                    Map.of(
                                            "party", Map.of("name", "Acme", "address", Map.of("country_code", "DE")),
                                            "bank", Map.of("iban", "DE89370400440532013000"),
                                            "number_pattern", "P{SEQ:4}"))
                            .status())
                    .isEqualTo(200);
            for (String project : List.of("portal-a", "portal-b")) {
                RatingSeed.rated(rating, project, "2026-11-03T10:00:00", "instance", "3", "2.50");
                RatingSeed.ratedThrough(db, project, "2026-11-30T23:00:00+00");
            }
            JsonNode run = reports.post("/v1/invoice-runs", Map.of("period", "2026-11"))
                    .json();
            String invoiceA = null;
            String invoiceB = null;
            for (JsonNode id : run.get("drafts")) {
                JsonNode issued = reports.post("/v1/invoices/" + id.asText() + "/actions/issue", Map.of())
                        .json();
                if (issued.get("account_id").asText().equals("portal-a")) {
                    invoiceA = issued.get("id").asText();
                } else {
                    invoiceB = issued.get("id").asText();
                }
            }
            String numberA =
                    reports.get("/v1/invoices/" + invoiceA).json().get("number").asText();
            String numberB =
                    reports.get("/v1/invoices/" + invoiceB).json().get("number").asText();

            // The API, as project A's member: A's issued invoice only, B's is not there.
            String[] memberOfA = {"X-User-Id", "alice", "X-Project-Id", "portal-a", "X-Roles", "member"};
            JsonNode listed = reports.get("/v1/invoices", memberOfA).json().get("invoices");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).get("id").asText()).isEqualTo(invoiceA);
            assertThat(reports.get("/v1/invoices?account_id=portal-b", memberOfA)
                            .json()
                            .get("invoices"))
                    .isEmpty();
            assertThat(reports.get("/v1/invoices/" + invoiceB, memberOfA).status())
                    .isEqualTo(404);
            assertThat(reports.get("/v1/invoices/" + invoiceB + "/pdf", memberOfA)
                            .status())
                    .isEqualTo(404);
            assertThat(reports.get("/v1/invoices/" + invoiceA + "/json", memberOfA)
                            .status())
                    .isEqualTo(200);
            assertThat(reports.post("/v1/invoices/" + invoiceA + "/actions/void", Map.of(), memberOfA)
                            .status())
                    .isEqualTo(403);

            HttpClient browser = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            URI base = reports.baseUri();
            HttpResponse<String> dashboard = PortalSignIn.post(browser, base, "user=portal-a&password=x");
            assertThat(dashboard.statusCode()).isEqualTo(200);
            assertThat(dashboard.body()).contains(numberA).doesNotContain(numberB);

            HttpResponse<byte[]> pdf = browser.send(
                    HttpRequest.newBuilder(base.resolve("/portal/invoices/" + invoiceA + "/pdf"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            for (String format : List.of("pdf", "csv", "json")) {
                HttpResponse<String> other = browser.send(
                        HttpRequest.newBuilder(base.resolve("/portal/invoices/" + invoiceB + "/" + format))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(other.statusCode()).isEqualTo(404);
            }

            // An operator's link for B opens B's portal, and B's alone.
            JsonNode link = reports.post("/v1/portal-links", Map.of("project_id", "portal-b", "ttl_seconds", 600))
                    .json();
            HttpClient customer = HttpClient.newBuilder()
                    .cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
            HttpResponse<String> viaLink = customer.send(
                    HttpRequest.newBuilder(URI.create(link.get("url").asText())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(viaLink.statusCode()).isEqualTo(200);
            assertThat(viaLink.body()).contains(numberB).doesNotContain(numberA);
            assertThat(reports.post(
                                    "/v1/portal-links",
                                    Map.of("project_id", "portal-b"),
                                    "X-Roles",
                                    "member",
                                    "X-Project-Id",
                                    "portal-b")
                            .status())
                    .isEqualTo(403);
        }
    }
}
