package io.meterflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.KeystoneServer;
import io.meterflow.testsupport.PostgresDatabase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cloud behind the real Keystone of METERFLOW_TEST_KEYSTONE_URL, for the Keystone ITs: projects
 * A and B, A's member and reader, B's member, a finance user holding {@code finance} on domain
 * Default (a domain-scoped token, as the shared fixture's fiona), the rating API and the reports
 * API both in keystone mode (the reports service signs in as the cloud admin, the usual service
 * user's shape), and one issued November invoice per project, run and issued by finance.
 */
final class KeystoneScene implements AutoCloseable {

    static final String SECRET = "a-portal-link-secret-of-at-least-32-chars";

    final KeystoneServer keystone;
    final KeystoneRest rest;
    final String projectA;
    final String projectB;
    /** user names: member and reader of A, member of B, finance on the domain */
    final String memberAName;

    final String memberBName;
    final String financeName;
    /** tokens */
    final String admin;

    final String memberA;
    final String readerA;
    final String memberB;
    final String finance;
    final RatingApiFixture rating;
    final ReportsApiFixture reports;
    final String invoiceA;
    final String invoiceB;
    final String numberA;
    final String numberB;

    private KeystoneScene(KeystoneServer keystone, PostgresDatabase db) throws Exception {
        this.keystone = keystone;
        this.rest = new KeystoneRest(keystone);
        projectA = keystone.createProject("reports-a");
        projectB = keystone.createProject("reports-b");
        memberAName = keystone.createUser("ann", projectA, "member");
        keystone.createUser("rhea", projectA, "reader");
        memberBName = keystone.createUser("ben", projectB, "member");
        financeName = rest.createDomainUser("fin", "finance");
        admin = keystone.adminToken();
        memberA = keystone.token("ann", projectA);
        readerA = keystone.token("rhea", projectA);
        memberB = keystone.token("ben", projectB);
        finance = rest.domainToken(financeName, "fin-pass");
        rating = RatingApiFixture.start(db, settings(keystone, Map.of()));
        reports = ReportsApiFixture.start(
                db,
                rating.baseUri(),
                settings(
                        keystone,
                        Map.of(
                                "billing.defaultIssuer", "acme",
                                "portal.linkSecret", SECRET,
                                "timeseriesUrl", "http://127.0.0.1:9")));
        ReportsApiFixture.Reply issuer = reports.put(
                "/v1/issuers/acme",
                Map.of(
                        "party", Map.of("name", "Acme", "address", Map.of("country_code", "DE")),
                        "bank", Map.of("iban", "DE89370400440532013000"),
                        "number_pattern", "K{SEQ:4}"),
                "X-Auth-Token",
                admin);
        assertThat(issuer.status()).as(issuer.body()).isEqualTo(200);
        for (String project : List.of(projectA, projectB)) {
            rated(project);
            RatingSeed.ratedThrough(db, project, "2026-11-30T23:00:00+00");
        }
        // Finance runs and issues the month: the reports service reads the rating API with its own token.
        ReportsApiFixture.Reply run =
                reports.post("/v1/invoice-runs", Map.of("period", "2026-11"), "X-Auth-Token", finance);
        assertThat(run.status()).as(run.body()).isEqualTo(200);
        String a = null;
        String b = null;
        for (JsonNode id : run.json().get("drafts")) {
            ReportsApiFixture.Reply issued =
                    reports.post("/v1/invoices/" + id.asText() + "/actions/issue", Map.of(), "X-Auth-Token", finance);
            assertThat(issued.status()).as(issued.body()).isEqualTo(200);
            if (issued.json().get("account_id").asText().equals(projectA)) {
                a = issued.json().get("id").asText();
            } else {
                b = issued.json().get("id").asText();
            }
        }
        invoiceA = a;
        invoiceB = b;
        numberA = reports.get("/v1/invoices/" + a, "X-Auth-Token", admin)
                .json()
                .get("number")
                .asText();
        numberB = reports.get("/v1/invoices/" + b, "X-Auth-Token", admin)
                .json()
                .get("number")
                .asText();
    }

    /** The scene, or empty without a Keystone to run it on. */
    static Optional<KeystoneScene> start(PostgresDatabase db) throws Exception {
        Optional<KeystoneServer> keystone = KeystoneServer.fromEnvironment();
        if (keystone.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new KeystoneScene(keystone.get(), db));
        } catch (Exception | AssertionError e) {
            keystone.get().close();
            throw e;
        }
    }

    /** keystone mode with the cloud admin as the service user; tokens trusted 1 s (revocation tests). */
    static Map<String, String> settings(KeystoneServer keystone, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("authMode", "keystone");
        settings.putIfAbsent("keystone.url", keystone.url());
        settings.put("keystone.user", keystone.adminUser());
        settings.put("keystone.password", keystone.adminPassword());
        settings.put("keystone.project", keystone.adminProject());
        settings.put("keystone.cacheSeconds", "1");
        return settings;
    }

    /** The token of a name: admin, memberA, readerA, memberB, finance. */
    String token(String who) {
        return switch (who) {
            case "admin" -> admin;
            case "memberA" -> memberA;
            case "readerA" -> readerA;
            case "memberB" -> memberB;
            case "finance" -> finance;
            default -> throw new IllegalArgumentException(who);
        };
    }

    /** One rated hour of project's instance at 2.50, stored through the rating API as its admin. */
    private void rated(String project) {
        Map<String, Object> point = Map.of(
                "vol", Map.of("unit", "instance", "qty", "1"),
                "rating", Map.of("price", "2.50"),
                "groupby", Map.of("id", "vm-" + project, "project_id", project),
                "metadata", Map.of());
        RatingApiFixture.Reply stored = rating.withToken(
                admin,
                "POST",
                "/v2/dataframes",
                Map.of(
                        "dataframes",
                        List.of(Map.of(
                                "period", Map.of("begin", "2026-11-03T10:00:00", "end", "2026-11-03T11:00:00"),
                                "usage", Map.of("instance", List.of(point))))));
        assertThat(stored.status()).as(stored.body()).isEqualTo(204);
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {reports, rating, rest, keystone}) {
            try {
                closeable.close();
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }
}
