package io.meterflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.keystone.ServiceToken;
import io.meterflow.reports.ratingsource.RatingEngineClient;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports API under METERFLOW_AUTH_MODE=keystone, against the real Keystone of
 * METERFLOW_TEST_KEYSTONE_URL (skipped without it; .ci/run starts one): every endpoint checked for
 * who may call it (admin, A's member and reader, B's member, domain-scoped finance), without a
 * token, with a forged or revoked one (401 in keystonemiddleware's shape), with Keystone down
 * (503); A's member sees nothing of B anywhere; identity headers a caller sends change nothing;
 * the service's own token is renewed after the rating API refused it.
 */
@RealServices
class KeystoneAccessIT {

    private static KeystoneScene scene;
    private static ReportsApiFixture api;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        scene = KeystoneScene.start(db).orElse(null);
        assumeTrue(scene != null, "no Keystone: set METERFLOW_TEST_KEYSTONE_URL (.ci/run starts one)");
        api = scene.reports;
    }

    @AfterAll
    static void stop() throws Exception {
        if (scene != null) {
            scene.close();
        }
    }

    /** One call of the API: method, path, JSON body (null for none). */
    private record Call(String method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static List<Call> everyEndpoint() {
        String a = scene.invoiceA;
        return List.of(
                new Call("GET", "/v1/invoices", null),
                new Call("GET", "/v1/invoices/" + a, null),
                new Call("GET", "/v1/invoices/" + a + "/pdf", null),
                new Call("GET", "/v1/invoices/" + a + "/csv", null),
                new Call("GET", "/v1/invoices/" + a + "/json", null),
                new Call("GET", "/v1/invoices/" + a + "/facturx", null),
                new Call("GET", "/v1/invoices/" + a + "/audit", null),
                new Call("POST", "/v1/invoices/" + a + "/actions/recompute", Map.of()),
                // an amount that is no decimal: refused (400) after the policy said yes, so nothing is credited
                new Call("POST", "/v1/invoices/" + a + "/credit-notes", Map.of("reason", "x", "amount", "x")),
                new Call("DELETE", "/v1/invoices/" + a, null),
                new Call("POST", "/v1/invoice-runs", Map.of("period", "2026-11")),
                new Call("GET", "/v1/accounts", null),
                new Call("GET", "/v1/accounts/" + scene.projectA, null),
                new Call("PUT", "/v1/accounts/" + scene.projectA, Map.of()),
                new Call("GET", "/v1/issuers", null),
                new Call("GET", "/v1/issuers/acme", null),
                new Call("PUT", "/v1/issuers/acme", Map.of()),
                new Call("POST", "/v1/portal-links", Map.of("project_id", scene.projectA)),
                new Call("GET", "/v1/exports/capacity?metric=cpu&aggregation=mean&groupby=host", null));
    }

    private static ReportsApiFixture.Reply call(ReportsApiFixture to, Call call, String... headers) {
        return switch (call.method()) {
            case "GET" -> to.get(call.path(), headers);
            case "DELETE" -> to.delete(call.path(), headers);
            case "POST" -> to.post(call.path(), call.body(), headers);
            default -> to.put(call.path(), call.body(), headers);
        };
    }

    @Test
    void withoutAValidTokenEveryEndpointAnswers401AsKeystonemiddlewareDoes() throws Exception {
        String revoked = scene.keystone.token("ann", scene.projectA);
        assertThat(api.get("/v1/invoices", "X-Auth-Token", revoked).status()).isEqualTo(200);
        scene.keystone.revoke(revoked);
        Thread.sleep(1_500); // keystone.cacheSeconds is 1
        for (Call call : everyEndpoint()) {
            for (String[] headers : List.of(
                    new String[0],
                    new String[] {"X-Auth-Token", "gAAAAABforged-token"},
                    new String[] {"X-Auth-Token", revoked},
                    // noauth's headers mean nothing under keystone
                    new String[] {"X-Roles", "admin", "X-User-Id", "admin"})) {
                ReportsApiFixture.Reply reply = call(api, call, headers);
                assertThat(reply.status()).as(call + " " + List.of(headers)).isEqualTo(401);
                assertThat(reply.json().path("error").path("title").asText()).isEqualTo("Unauthorized");
                assertThat(reply.json().path("error").path("message").asText())
                        .isEqualTo("The request you have made requires authentication.");
                assertThat(reply.headers().get("WWW-Authenticate")).containsExactly("Keystone");
            }
        }
    }

    /**
     * Who may call what. Statuses other than 401 and 403 are the call's own answer (404 for an
     * invoice of another account, 409 for an action the state forbids, 400 for a bad body, 503
     * for the capacity export whose time-series API this test does not start).
     */
    @Test
    void everyEndpointAnswersEachCallerAsThePolicySays() {
        List<String> wrong = new ArrayList<>();
        String a = scene.invoiceA;
        String b = scene.invoiceB;
        // caller -> endpoints refused with 403 (the rest must be neither 401 nor 403)
        Map<String, List<String>> refused = Map.of(
                "admin", List.of(),
                "finance",
                        List.of(
                                "GET /v1/issuers",
                                "GET /v1/issuers/acme",
                                "PUT /v1/issuers/acme",
                                "GET /v1/exports/capacity?metric=cpu&aggregation=mean&groupby=host"),
                "memberA", tenantRefusals(),
                "readerA", tenantRefusals(),
                "memberB", tenantRefusals());
        for (var caller : refused.entrySet()) {
            for (Call call : everyEndpoint()) {
                if (call.method().equals("DELETE") && !caller.getValue().contains(call.toString())) {
                    continue; // admin and finance may delete drafts: this one is issued (409), not worth a run
                }
                int status = call(api, call, "X-Auth-Token", scene.token(caller.getKey()))
                        .status();
                boolean shouldRefuse = caller.getValue().contains(call.toString());
                boolean refusedNow = status == 403;
                if (status == 401 || status == 500 || shouldRefuse != refusedNow) {
                    wrong.add(caller.getKey() + " " + call + " -> " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();

        // The reads a tenant may make, kept to its own account by the queries.
        assertThat(ids(get("memberA", "/v1/invoices"))).containsExactly(a);
        assertThat(ids(get("readerA", "/v1/invoices"))).containsExactly(a);
        assertThat(ids(get("memberB", "/v1/invoices"))).containsExactly(b);
        assertThat(ids(get("memberA", "/v1/invoices?account_id=" + scene.projectB)))
                .isEmpty();
        assertThat(ids(get("finance", "/v1/invoices"))).containsExactlyInAnyOrder(a, b);
        assertThat(ids(get("admin", "/v1/invoices"))).containsExactlyInAnyOrder(a, b);
        for (String format : List.of("", "/pdf", "/csv", "/json", "/facturx")) {
            assertThat(status("memberA", "/v1/invoices/" + a + format))
                    .as(format)
                    .isEqualTo(200);
            assertThat(status("readerA", "/v1/invoices/" + a + format))
                    .as(format)
                    .isEqualTo(200);
            assertThat(status("memberA", "/v1/invoices/" + b + format))
                    .as(format)
                    .isEqualTo(404);
            assertThat(status("readerA", "/v1/invoices/" + b + format))
                    .as(format)
                    .isEqualTo(404);
            assertThat(status("memberB", "/v1/invoices/" + a + format))
                    .as(format)
                    .isEqualTo(404);
            assertThat(status("memberB", "/v1/invoices/" + b + format))
                    .as(format)
                    .isEqualTo(200);
            assertThat(status("finance", "/v1/invoices/" + b + format))
                    .as(format)
                    .isEqualTo(200);
        }
        assertThat(api.get("/v1/invoices/" + b, "X-Auth-Token", scene.memberA).body())
                .doesNotContain(scene.numberB);

        // Finance, with its domain-scoped token: every account, the audit trail, and the lifecycle.
        List<String> accounts = new ArrayList<>();
        get("finance", "/v1/accounts")
                .forEach(account -> accounts.add(account.get("id").asText()));
        assertThat(accounts).contains(scene.projectA, scene.projectB);
        assertThat(get("finance", "/v1/invoices/" + a + "/audit").get("audit")).isNotEmpty();
    }

    /** What a project's member or reader may not call: all but reading its own invoices. */
    private static List<String> tenantRefusals() {
        List<String> refusals = new ArrayList<>();
        for (Call call : everyEndpoint()) {
            boolean ownInvoiceRead = call.method().equals("GET")
                    && call.path().startsWith("/v1/invoices")
                    && !call.path().endsWith("/audit");
            if (!ownInvoiceRead) {
                refusals.add(call.toString());
            }
        }
        return refusals;
    }

    @Test
    void aRefusalNamesTheRuleAndHeadersClaimingMoreChangeNothing() {
        ReportsApiFixture.Reply accounts = api.get(
                "/v1/accounts",
                "X-Auth-Token",
                scene.memberA,
                "X-Roles",
                "admin",
                "X-Project-Id",
                scene.projectB,
                "X-Domain-Id",
                "default");
        assertThat(accounts.status()).isEqualTo(403);
        assertThat(accounts.json().get("description").asText())
                .isEqualTo("Policy doesn't allow reports:account:get to be performed.");
        ReportsApiFixture.Reply other = api.get(
                "/v1/invoices/" + scene.invoiceB, "X-Auth-Token", scene.memberA, "X-Project-Id", scene.projectB);
        assertThat(other.status()).isEqualTo(404);
        assertThat(ids(api.get("/v1/invoices", "X-Auth-Token", scene.memberA, "X-Project-Id", scene.projectB)
                        .json()))
                .containsExactly(scene.invoiceA);
        ReportsApiFixture.Reply issuer = api.put("/v1/issuers/acme", Map.of(), "X-Auth-Token", scene.finance);
        assertThat(issuer.json().get("description").asText())
                .isEqualTo("Policy doesn't allow reports:issuer:manage to be performed.");
    }

    @Test
    void financeMarksAnInvoicePaidButATenantCannotAndFinanceCannotChangePrices() {
        // Prices are the rating API's, and it refuses finance's token.
        assertThat(scene.rating
                        .withToken(
                                scene.finance,
                                "POST",
                                "/v1/rating/module_config/hashmap/services",
                                Map.of("name", "finance-pricing"))
                        .status())
                .isEqualTo(403);
        assertThat(scene.rating
                        .withToken(scene.finance, "POST", "/v2/billing/plans", Map.of("code", "finance-plan"))
                        .status())
                .isEqualTo(403);
        String b = scene.invoiceB;
        assertThat(api.post("/v1/invoices/" + b + "/actions/mark_paid", Map.of(), "X-Auth-Token", scene.memberB)
                        .status())
                .isEqualTo(403);
        ReportsApiFixture.Reply paid =
                api.post("/v1/invoices/" + b + "/actions/mark_paid", Map.of(), "X-Auth-Token", scene.finance);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().get("status").asText()).isEqualTo("paid");
    }

    @Test
    void keystoneDownAnswers503NeverAccess(PostgresDatabase db) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        try (ReportsApiFixture down = ReportsApiFixture.start(
                db,
                scene.rating.baseUri(),
                KeystoneScene.settings(
                        scene.keystone,
                        Map.of(
                                "keystone.url",
                                "http://127.0.0.1:" + closed + "/v3",
                                "portal.linkSecret",
                                KeystoneScene.SECRET)))) {
            for (Call call : everyEndpoint()) {
                ReportsApiFixture.Reply reply = call(down, call, "X-Auth-Token", scene.admin);
                assertThat(reply.status()).as(call.toString()).isEqualTo(503);
                assertThat(reply.json().path("error").path("message").asText())
                        .isEqualTo("The token could not be validated: Keystone is not available.");
            }
            ReportsApiFixture.Reply none = down.get("/v1/invoices");
            assertThat(none.status()).isEqualTo(401);

            HttpClient browser = HttpClient.newBuilder()
                    .cookieHandler(new java.net.CookieManager())
                    .build();
            var signIn = PortalSignIn.post(
                    browser,
                    down.baseUri(),
                    "user=" + scene.memberAName + "&password=ann-pass&project=" + scene.projectA);
            assertThat(signIn.statusCode()).isEqualTo(503);
            assertThat(signIn.body()).contains("Keystone is not available");
        }
    }

    @Test
    void anOperatorsPolicyFileCanTieFinanceToAnotherDomain(PostgresDatabase db, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(
                dir.resolve("policy.yaml"),
                "\"admin_or_finance\": \"role:admin or (role:finance and domain_id:operators)\"\n");
        try (ReportsApiFixture strict = ReportsApiFixture.start(
                db,
                scene.rating.baseUri(),
                KeystoneScene.settings(
                        scene.keystone,
                        Map.of("policyFile", file.toString(), "portal.linkSecret", KeystoneScene.SECRET)))) {
            assertThat(strict.get("/v1/accounts", "X-Auth-Token", scene.finance).status())
                    .isEqualTo(403);
            assertThat(strict.get("/v1/accounts", "X-Auth-Token", scene.admin).status())
                    .isEqualTo(200);
            // Finance is now a caller without a project: it reads no invoice at all.
            assertThat(ids(strict.get("/v1/invoices", "X-Auth-Token", scene.finance)
                            .json()))
                    .isEmpty();
        }
    }

    @Test
    void theServiceSignsInAgainAfterTheRatingApiRefusedItsToken() throws Exception {
        ServiceToken service = new ServiceToken(
                new io.meterflow.keystone.KeystoneSettings(
                        URI.create(scene.keystone.url()),
                        scene.keystone.adminUser(),
                        scene.keystone.adminPassword(),
                        scene.keystone.adminProject(),
                        "Default",
                        java.time.Duration.ZERO),
                HttpClient.newHttpClient(),
                Clock.systemUTC());
        String first = service.current();
        assertThat(service.current()).isEqualTo(first);
        RatingEngineClient rating = new RatingEngineClient(
                scene.rating.baseUri(), () -> Optional.of(service.current()), service::refused, new ObjectMapper());
        assertThat(rating.scopes()).isNotEmpty();
        scene.keystone.revoke(first);
        Thread.sleep(1_500); // the rating API trusts a validated token for 1 s
        assertThat(rating.scopes()).isNotEmpty();
        assertThat(service.current()).isNotEqualTo(first);
    }

    private static JsonNode get(String who, String path) {
        ReportsApiFixture.Reply reply = api.get(path, "X-Auth-Token", scene.token(who));
        assertThat(reply.status())
                .as(who + " GET " + path + ": " + reply.body())
                .isEqualTo(200);
        return reply.json();
    }

    private static int status(String who, String path) {
        return api.get(path, "X-Auth-Token", scene.token(who)).status();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("invoices").forEach(invoice -> ids.add(invoice.get("id").asText()));
        return ids;
    }
}
