package io.meterflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.KeystoneServer;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Billing one account per Keystone domain, against the real Keystone of
 * METERFLOW_TEST_KEYSTONE_URL (skipped without it): projects of one domain land on one account
 * named after the domain; a project Keystone no longer knows is billed on its own.
 */
@RealServices
class DomainAccountsIT {

    @Test
    void projectsOfOneDomainShareAnAccountNamedAfterIt(PostgresDatabase db) throws Exception {
        Optional<KeystoneServer> found = KeystoneServer.fromEnvironment();
        assumeTrue(found.isPresent(), "METERFLOW_TEST_KEYSTONE_URL is not set");
        try (KeystoneServer keystone = found.get();
                RatingApiFixture rating = RatingApiFixture.start(db)) {
            String first = keystone.createProject("domain-billing-1");
            String second = keystone.createProject("domain-billing-2");
            String gone = "deleted-project-" + System.nanoTime();
            try (ReportsApiFixture reports = ReportsApiFixture.start(
                    db,
                    rating.baseUri(),
                    Map.of(
                            "billing.defaultIssuer", "acme",
                            "billing.defaultAccounts", "domain",
                            "keystone.url", keystone.url(),
                            "keystone.user", keystone.adminUser(),
                            "keystone.password", keystone.adminPassword(),
                            "keystone.project", keystone.adminProject()))) {
                assertThat(reports.put(
                                        "/v1/issuers/acme",
                                        Map.of(
                                                "party",
                                                        Map.of("name", "Acme", "address", Map.of("country_code", "DE")),
                                                "bank", Map.of("iban", "DE89370400440532013000")))
                                .status())
                        .isEqualTo(200);
                for (String project : List.of(first, second, gone)) {
                    RatingSeed.rated(rating, project, "2026-11-03T10:00:00", "instance", "4", "1.00");
                    RatingSeed.ratedThrough(db, project, "2026-11-30T23:00:00+00");
                }
                ReportsApiFixture.Reply run = reports.post("/v1/invoice-runs", Map.of("period", "2026-11"));
                assertThat(run.status()).as(run.body()).isEqualTo(200);

                JsonNode domain = reports.get("/v1/accounts/domain-default").json();
                assertThat(domain.get("customer").get("party").get("name").asText())
                        .isEqualTo("Default");
                assertThat(texts(domain.get("projects"))).containsExactlyInAnyOrder(first, second);
                assertThat(texts(reports.get("/v1/accounts/" + gone).json().get("projects")))
                        .containsExactly(gone);
                JsonNode invoices = reports.get("/v1/invoices?account_id=domain-default&period=2026-11")
                        .json();
                assertThat(invoices.get("invoices")).hasSize(1);
                // 2 x (4 h at 0.25) = 2.00, one usage line over both projects.
                assertThat(invoices.get("invoices").get(0).get("total").asText())
                        .isEqualTo("2.00");
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
