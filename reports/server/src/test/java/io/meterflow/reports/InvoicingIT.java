package io.meterflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Invoices over the real rating API on a real PostgreSQL: rated points and a plan charge go in
 * through the rating engine's own API, the reports API bills them, and every figure is computed by
 * hand in the comments.
 */
@RealServices
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvoicingIT {

    private static final String A1 = "inv-project-a1";
    private static final String A2 = "inv-project-a2";
    private static final String B = "inv-project-b";
    private static final String C = "inv-project-c";
    private static final String NOVEMBER_LAST_HOUR = "2026-11-30T23:00:00+00:00";

    private static RatingApiFixture rating;
    private static ReportsApiFixture reports;
    private static PostgresDatabase database;
    private static String issuedA;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        database = db;
        rating = RatingApiFixture.start(db);
        reports = ReportsApiFixture.start(db, rating.baseUri(), Map.of("billing.defaultIssuer", "acme"));

        ok(reports.put("/v1/issuers/acme", issuer("Acme Cloud GmbH", "MF-{YYYY}{MM}-{SEQ:5}", 100)));
        ok(reports.put("/v1/accounts/acct-a", account("Alpha AG", Map.of("rate_percent", "19"), "10", A1, A2)));
        ok(reports.put("/v1/accounts/acct-b", account("Beta BV", Map.of("reverse_charge", true), "0", B)));

        // Account A, hashmap prices: instance 3.333 + 1.6665 + 0.6666 = 5.6661 for 17; volume 0.5 for 100.
        RatingSeed.rated(rating, A1, "2026-11-02T10:00:00", "instance", "10", "3.333");
        RatingSeed.rated(rating, A1, "2026-11-02T11:00:00", "instance", "5", "1.6665");
        RatingSeed.rated(rating, A1, "2026-11-03T00:00:00", "volume", "100", "0.5");
        RatingSeed.rated(rating, A2, "2026-11-20T05:00:00", "instance", "2", "0.6666");
        // Account B is on a graduated plan: 10 at 1.00 and 20 at 0.50 = 20.00; its hashmap 3.00 is not billed.
        RatingSeed.rated(rating, B, "2026-11-10T00:00:00", "instance", "30", "3");
        // Project C has no account and rated nothing worth money: it gets the default issuer's account, skipped.
        RatingSeed.rated(rating, C, "2026-11-10T00:00:00", "instance", "1", "0");
        RatingApiFixture.Reply plan = rating.post(
                "/v2/billing/plans",
                Map.of(
                        "code",
                        "grad",
                        "currency",
                        "EUR",
                        "charges",
                        List.of(Map.of(
                                "rating_type",
                                "instance",
                                "model",
                                "graduated",
                                "tiers",
                                List.of(Map.of("up_to", "10", "unit_price", "1"), Map.of("unit_price", "0.5"))))));
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        RatingApiFixture.Reply subscribed = rating.post(
                "/v2/billing/subscriptions",
                Map.of("project_id", B, "plan_code", "grad", "starts_at", "2026-11-01T00:00:00Z"));
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        RatingApiFixture.Reply credit = rating.post(
                "/v2/billing/credits",
                Map.of(
                        "project_id",
                        B,
                        "amount",
                        "5",
                        "currency",
                        "EUR",
                        "effective_at",
                        "2026-10-01T00:00:00Z",
                        "reason",
                        "welcome credit"));
        assertThat(credit.status()).as(credit.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (reports != null) {
            reports.close();
        }
        if (rating != null) {
            rating.close();
        }
    }

    @Test
    @Order(1)
    void aRunRefusesAPeriodNotFullyRatedNamingTheScopes() {
        RatingSeed.ratedThrough(database, A1, NOVEMBER_LAST_HOUR);
        RatingSeed.ratedThrough(database, A2, "2026-11-15T09:00:00+00:00");
        ReportsApiFixture.Reply refused = reports.post("/v1/invoice-runs", Map.of("period", "2026-11"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("description").asText()).contains("not fully rated");
        JsonNode missing = refused.json().get("missing");
        assertThat(missing).hasSize(1);
        assertThat(missing.get(0).get("scope_id").asText()).isEqualTo(A2);
        assertThat(missing.get(0).get("rated_until").asText()).isEqualTo("2026-11-15T10:00:00Z");
        assertThat(missing.get(0).get("needed_until").asText()).isEqualTo("2026-12-01T00:00:00Z");
        assertThat(reports.get("/v1/invoices").json().get("invoices")).isEmpty();
    }

    @Test
    @Order(2)
    void aRunDraftsEachAccountWithHandComputedTotals() {
        RatingSeed.ratedThrough(database, A2, NOVEMBER_LAST_HOUR);
        RatingSeed.ratedThrough(database, B, NOVEMBER_LAST_HOUR);
        RatingSeed.ratedThrough(database, C, NOVEMBER_LAST_HOUR);
        ReportsApiFixture.Reply run = reports.post("/v1/invoice-runs", Map.of("period", "2026-11"));
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        assertThat(run.json().get("created").asInt()).isEqualTo(3);

        JsonNode a = invoiceOf("acct-a");
        assertThat(a.get("status").asText()).isEqualTo("draft");
        assertThat(texts(a.get("allowed_actions"))).containsExactlyInAnyOrder("recompute", "delete", "issue");
        JsonNode lines = a.get("document").get("lines");
        assertThat(lines).hasSize(2);
        // instance: 5.6661 -> 5.67 for 17 (unit price 0.333300); volume 0.50 for 100.
        assertThat(lines.get(0).get("service").asText()).isEqualTo("instance");
        assertThat(lines.get(0).get("quantity").asText()).isEqualTo("17");
        assertThat(lines.get(0).get("amount").asText()).isEqualTo("5.67");
        assertThat(lines.get(1).get("amount").asText()).isEqualTo("0.50");
        // subtotal 6.17; discount 10% 0.617 -> 0.62; taxable 5.55; VAT 19% 1.0545 -> 1.05; total 6.60.
        JsonNode totals = a.get("document").get("totals");
        assertThat(totals.get("subtotal").asText()).isEqualTo("6.17");
        assertThat(totals.get("discount").asText()).isEqualTo("0.62");
        assertThat(totals.get("taxable").asText()).isEqualTo("5.55");
        assertThat(totals.get("tax").asText()).isEqualTo("1.05");
        assertThat(totals.get("total").asText()).isEqualTo("6.60");

        // B: plan lines 10.00 + 10.00; the 5.00 credit drawn before tax; reverse charge: no VAT; 15.00.
        JsonNode b = invoiceOf("acct-b").get("document");
        assertThat(StreamSupport.stream(b.get("lines").spliterator(), false)
                        .map(l -> l.get("kind").asText()))
                .containsOnly("plan");
        assertThat(b.get("totals").get("subtotal").asText()).isEqualTo("20.00");
        assertThat(b.get("totals").get("credits").asText()).isEqualTo("5.00");
        assertThat(b.get("totals").get("tax").asText()).isEqualTo("0.00");
        assertThat(b.get("totals").get("total").asText()).isEqualTo("15.00");
    }

    @Test
    @Order(3)
    void issuingNumbersFreezesAndSkipsZero() {
        JsonNode a = act(invoiceOf("acct-a").get("id").asText(), "issue");
        issuedA = a.get("id").asText();
        assertThat(a.get("status").asText()).isEqualTo("issued");
        assertThat(a.get("number").asText()).matches("MF-\\d{6}-00100");
        assertThat(texts(a.get("allowed_actions"))).containsExactlyInAnyOrder("mark_paid", "void", "credit");
        assertThat(a.get("document").get("issuer").get("party").get("name").asText())
                .isEqualTo("Acme Cloud GmbH");

        JsonNode b = act(invoiceOf("acct-b").get("id").asText(), "issue");
        assertThat(b.get("number").asText()).endsWith("-00101");
        assertThat(rating.get("/v2/billing/charges?project_id=" + B + "&period=2026-11")
                        .json()
                        .get("frozen")
                        .asBoolean())
                .isTrue();

        JsonNode c = act(invoiceOf(C).get("id").asText(), "issue");
        assertThat(c.get("status").asText()).isEqualTo("skipped");
        assertThat(c.get("number").isNull()).isTrue();
        assertThat(reports.get("/v1/issuers/acme").json().get("next_number").asLong())
                .isEqualTo(102);
    }

    @Test
    @Order(4)
    void anIssuedInvoiceCannotBeChangedThroughTheApiNorInTheDatabase() throws SQLException {
        JsonNode before = reports.get("/v1/invoices/" + issuedA).json().get("document");
        assertThat(reports.post("/v1/invoices/" + issuedA + "/actions/recompute", Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(reports.post("/v1/invoices/" + issuedA + "/actions/issue", Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(reports.delete("/v1/invoices/" + issuedA).status()).isEqualTo(409);
        // A later run leaves it alone.
        assertThat(reports.post("/v1/invoice-runs", Map.of("period", "2026-11"))
                        .json()
                        .get("already_issued")
                        .asInt())
                .isEqualTo(3);
        try (Connection c = database.connect();
                Statement s = c.createStatement()) {
            assertThatThrownBy(
                            () -> s.executeUpdate("UPDATE reports_invoices SET total = 0 WHERE id = '" + issuedA + "'"))
                    .hasMessageContaining("issued invoices never change");
            assertThatThrownBy(() -> s.executeUpdate(
                            "UPDATE reports_invoices SET document = jsonb_set(document, '{totals,total}', '\"0.01\"')"
                                    + " WHERE id = '" + issuedA + "'"))
                    .hasMessageContaining("issued invoices never change");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM reports_invoices WHERE id = '" + issuedA + "'"))
                    .hasMessageContaining("only drafts are deleted");
            assertThatThrownBy(() -> s.executeUpdate(
                            "UPDATE reports_invoices SET status = 'draft', issued_at = NULL WHERE id = '" + issuedA
                                    + "'"))
                    .hasMessageContaining("issued invoices never change");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM reports_audit"))
                    .hasMessageContaining("append-only");
        }
        assertThat(reports.get("/v1/invoices/" + issuedA).json().get("document"))
                .isEqualTo(before);
    }

    @Test
    @Order(5)
    void aCreditNoteReferencesTheInvoiceAndNeverCreditsMoreThanItsTotal() {
        ReportsApiFixture.Reply note = reports.post(
                "/v1/invoices/" + issuedA + "/credit-notes",
                Map.of("reason", "service outage 2026-11-12", "amount", "1.00"));
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        JsonNode credit = note.json();
        assertThat(credit.get("type").asText()).isEqualTo("credit_note");
        assertThat(credit.get("corrects").asText()).isEqualTo(issuedA);
        assertThat(credit.get("number").asText()).endsWith("-00102");
        // 1.00 net + 19% VAT = 1.19.
        assertThat(credit.get("document").get("totals").get("total").asText()).isEqualTo("1.19");
        assertThat(credit.get("document").get("corrects_number").asText())
                .isEqualTo(reports.get("/v1/invoices/" + issuedA)
                        .json()
                        .get("number")
                        .asText());
        assertThat(reports.get("/v1/invoices/" + issuedA)
                        .json()
                        .get("credit_notes")
                        .get(0)
                        .asText())
                .isEqualTo(credit.get("id").asText());
        // 6.60 - 1.19 = 5.41 left: 5.00 net (5.95 gross) is too much.
        ReportsApiFixture.Reply tooMuch = reports.post(
                "/v1/invoices/" + issuedA + "/credit-notes", Map.of("reason", "goodwill", "amount", "5.00"));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().get("description").asText()).contains("5.41 left to credit");
        assertThat(reports.post("/v1/invoices/" + issuedA + "/credit-notes", Map.of("amount", "1"))
                        .status())
                .isEqualTo(400);

        List<String> actions = new ArrayList<>();
        reports.get("/v1/invoices/" + issuedA + "/audit")
                .json()
                .get("audit")
                .forEach(entry -> actions.add(entry.get("action").asText()));
        assertThat(actions).containsExactly("draft_created", "issued", "credited");
    }

    @Test
    @Order(6)
    void usageRatedAfterIssueLandsOnTheNextInvoiceAsAnAdjustment() {
        // Late data for November: 3 more instance hours of A1, priced 0.999.
        RatingSeed.rated(rating, A1, "2026-11-30T12:00:00", "instance", "3", "0.999");
        for (String project : List.of(A1, A2, B, C)) {
            RatingSeed.ratedThrough(database, project, "2026-12-31T23:00:00+00:00");
        }
        assertThat(reports.post("/v1/invoice-runs", Map.of("period", "2026-12")).status())
                .isEqualTo(200);
        JsonNode december = invoiceOf("acct-a", "2026-12");
        JsonNode lines = december.get("document").get("lines");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("kind").asText()).isEqualTo("adjustment");
        assertThat(lines.get(0).get("quantity").asText()).isEqualTo("3");
        assertThat(lines.get(0).get("amount").asText()).isEqualTo("1.00");
        assertThat(lines.get(0).get("description").asText())
                .contains("2026-11-01 to 2026-11-30")
                .contains(reports.get("/v1/invoices/" + issuedA)
                        .json()
                        .get("number")
                        .asText());
        // November's invoice is as issued.
        assertThat(reports.get("/v1/invoices/" + issuedA).json().get("total").asText())
                .isEqualTo("6.60");
        // Once December is issued, January finds nothing late any more.
        act(december.get("id").asText(), "issue");
        for (String project : List.of(A1, A2, B, C)) {
            RatingSeed.ratedThrough(database, project, "2027-01-31T23:00:00+00:00");
        }
        reports.post("/v1/invoice-runs", Map.of("period", "2027-01"));
        assertThat(invoiceOf("acct-a", "2027-01").get("document").get("lines")).isEmpty();
    }

    @Test
    @Order(8)
    void theIssuedInvoiceDownloadsAsPdfCsvJsonAndFacturXWithTheSameFigures() throws Exception {
        ReportsApiFixture.Reply json = reports.get("/v1/invoices/" + issuedA + "/json");
        assertThat(json.status()).isEqualTo(200);
        String number =
                reports.get("/v1/invoices/" + issuedA).json().get("number").asText();
        assertThat(json.headers().get("content-disposition").get(0)).contains(number + ".json");
        ReportsApiFixture.Reply csv = reports.get("/v1/invoices/" + issuedA + "/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).contains("5.67").contains("6.60");

        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        reports.baseUri().resolve("/v1/invoices/" + issuedA + "/pdf"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("content-type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("invoice", ".pdf");
        try {
            java.nio.file.Files.write(file, pdf.body());
            Process text = new ProcessBuilder("pdftotext", "-layout", file.toString(), "-").start();
            String printed = new String(text.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text.waitFor()).isZero();
            // English invoice: every amount of the JSON export as the PDF prints it.
            assertThat(printed)
                    .contains(number)
                    .contains("5.67")
                    .contains("0.50")
                    .contains("6.17")
                    .contains("0.62")
                    .contains("5.55")
                    .contains("1.05")
                    .contains("6.60");
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        java.net.http.HttpResponse<byte[]> facturX = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        reports.baseUri().resolve("/v1/invoices/" + issuedA + "/facturx"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(facturX.statusCode()).isEqualTo(200);
        assertThat(new String(facturX.body(), java.nio.charset.StandardCharsets.ISO_8859_1))
                .contains("factur-x.xml");
    }

    @Test
    @Order(7)
    void concurrentIssuesLeaveNoGapAndNoDuplicateInTheNumbering() throws Exception {
        ok(reports.put("/v1/issuers/zeta", issuer("Zeta Ltd", "Z{SEQ:4}", 1)));
        int accounts = 24;
        for (int i = 0; i < accounts; i++) {
            String project = "inv-many-" + i;
            ok(reports.put(
                    "/v1/accounts/many-" + i,
                    account("Many " + i, Map.of("rate_percent", "0"), "0", project)
                            .with("issuer_id", "zeta")));
            RatingSeed.rated(rating, project, "2027-01-05T00:00:00", "instance", "1", "1");
            RatingSeed.ratedThrough(database, project, "2027-01-31T23:00:00+00:00");
        }
        // Two runs at once compute the same drafts; neither doubles one.
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ReportsApiFixture.Reply>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> reports.post("/v1/invoice-runs", Map.of("period", "2027-01"))));
            }
            for (Future<ReportsApiFixture.Reply> run : runs) {
                assertThat(run.get().status()).as(run.get().body()).isEqualTo(200);
            }
            List<String> drafts = new ArrayList<>();
            reports.get("/v1/invoices?period=2027-01&status=draft&limit=1000")
                    .json()
                    .get("invoices")
                    .forEach(i -> {
                        if (i.get("account_id").asText().startsWith("many-")) {
                            drafts.add(i.get("id").asText());
                        }
                    });
            assertThat(drafts).hasSize(accounts);
            List<Future<ReportsApiFixture.Reply>> issues = new ArrayList<>();
            for (String id : drafts) {
                issues.add(pool.submit(() -> reports.post("/v1/invoices/" + id + "/actions/issue", Map.of())));
                issues.add(pool.submit(() -> reports.post("/v1/invoices/" + id + "/actions/issue", Map.of())));
            }
            List<String> numbers = new ArrayList<>();
            for (Future<ReportsApiFixture.Reply> issue : issues) {
                ReportsApiFixture.Reply reply = issue.get();
                if (reply.status() == 200) {
                    numbers.add(reply.json().get("number").asText());
                } else {
                    assertThat(reply.status()).as(reply.body()).isEqualTo(409);
                }
            }
            List<String> distinct = numbers.stream().distinct().sorted().toList();
            List<String> expected = new ArrayList<>();
            for (int i = 1; i <= accounts; i++) {
                expected.add(String.format("Z%04d", i));
            }
            assertThat(distinct).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(9)
    void badInputIsRefusedWithTheFieldNamedAndNothingStored() {
        Map<String, Object> party = Map.of("name", "Gamma", "address", Map.of("country_code", "Germany"));
        ReportsApiFixture.Reply country = reports.put(
                "/v1/accounts/acct-g",
                account("Gamma", Map.of("rate_percent", "19"), "0")
                        .with("customer", Map.of("party", party, "currency", "EUR")));
        assertThat(country.status()).isEqualTo(400);
        assertThat(country.json().get("description").asText()).contains("country_code");
        ReportsApiFixture.Reply currency = reports.put(
                "/v1/accounts/acct-g",
                account("Gamma", Map.of("rate_percent", "19"), "0")
                        .with("customer", Map.of("party", party(("Gamma"), "DE", ""), "currency", "EURO")));
        assertThat(currency.json().get("description").asText()).contains("customer.currency");
        ReportsApiFixture.Reply issuer = reports.put(
                "/v1/accounts/acct-g",
                account("Gamma", Map.of("rate_percent", "19"), "0").with("issuer_id", "nobody"));
        assertThat(issuer.status()).isEqualTo(400);
        assertThat(issuer.json().get("description").asText()).contains("issuer_id");
        ReportsApiFixture.Reply discount =
                reports.put("/v1/accounts/acct-g", account("Gamma", Map.of("rate_percent", "19"), "120"));
        assertThat(discount.json().get("description").asText()).contains("discount_percent");
        ReportsApiFixture.Reply taken =
                reports.put("/v1/accounts/acct-g", account("Gamma", Map.of("rate_percent", "19"), "0", A1));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(reports.get("/v1/accounts/acct-g").status()).isEqualTo(404);
        assertThat(reports.put(
                                "/v1/issuers/bad",
                                Map.of(
                                        "party",
                                        party("Bad", "DE", ""),
                                        "bank",
                                        Map.of("iban", "DE89"),
                                        "number_pattern",
                                        "INV-{YYYY}"))
                        .json()
                        .get("description")
                        .asText())
                .contains("number_pattern");
        assertThat(reports.post("/v1/invoice-runs", Map.of("period", "November"))
                        .status())
                .isEqualTo(400);
    }

    private static JsonNode act(String id, String action) {
        ReportsApiFixture.Reply reply = reports.post("/v1/invoices/" + id + "/actions/" + action, Map.of());
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode invoiceOf(String account) {
        return invoiceOf(account, "2026-11");
    }

    private static JsonNode invoiceOf(String account, String period) {
        JsonNode list = reports.get("/v1/invoices?account_id=" + account + "&period=" + period)
                .json()
                .get("invoices");
        for (JsonNode invoice : list) {
            if (invoice.get("type").asText().equals("invoice")) {
                return reports.get("/v1/invoices/" + invoice.get("id").asText()).json();
            }
        }
        throw new AssertionError("no invoice of " + account + " for " + period + ": " + list);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static void ok(ReportsApiFixture.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    private static Map<String, Object> issuer(String name, String pattern, long first) {
        return Map.of(
                "party",
                party(name, "DE", "DE123456789"),
                "bank",
                Map.of("bank_name", "Example Bank", "iban", "DE89 3704 0044 0532 0130 00", "bic", "COBADEFFXXX"),
                "number_pattern",
                pattern,
                "first_number",
                first);
    }

    /** An account body; {@link Body#with} changes a field. */
    private static Body account(String name, Map<String, Object> tax, String discount, String... projects) {
        Body body = new Body();
        body.put("issuer_id", "acme");
        body.put(
                "customer",
                Map.of("party", party(name, "NL", "NL000099998B57"), "currency", "EUR", "language", "en", "tax", tax));
        body.put("discount_percent", discount);
        body.put("projects", List.of(projects));
        return body;
    }

    private static final class Body extends LinkedHashMap<String, Object> {
        Body with(String key, Object value) {
            put(key, value);
            return this;
        }
    }

    private static Map<String, Object> party(String name, String country, String taxId) {
        return Map.of(
                "name",
                name,
                "address",
                Map.of("line1", "Example Street 1", "post_code", "10115", "city", "Berlin", "country_code", country),
                "tax_id",
                taxId,
                "email",
                "billing@example.org");
    }
}
