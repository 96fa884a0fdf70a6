package io.meterflow.rating.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.keystone.KeystoneConfiguration;
import io.meterflow.keystone.KeystoneProjects;
import io.meterflow.keystone.KeystoneSettings;
import io.meterflow.keystone.KeystoneTokens;
import io.meterflow.testsupport.KeystoneServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The keystone fetcher on a real Keystone: the projects where the service user holds the rating
 * role (a role name of the operator's choosing), or every enabled project; Keystone out of reach
 * is a failed listing, never an empty one. Skipped without a Keystone (METERFLOW_TEST_KEYSTONE_URL).
 */
class KeystoneScopeFetcherIT {

    private static KeystoneServer keystone;
    private static String rated;
    private static String unrated;
    private static String role;

    @BeforeAll
    static void start() throws Exception {
        keystone = KeystoneServer.fromEnvironment().orElse(null);
        assumeTrue(keystone != null, "no Keystone: set METERFLOW_TEST_KEYSTONE_URL (.ci/run starts one)");
        rated = keystone.createProject("rated");
        unrated = keystone.createProject("unrated");
        role = "mf-rating-" + UUID.randomUUID().toString().substring(0, 8);
        keystone.grantAdmin(role, rated);
    }

    @AfterAll
    static void stop() throws Exception {
        if (keystone != null) {
            keystone.close();
        }
    }

    @Test
    void listsTheProjectsWhereTheServiceUserHoldsTheConfiguredRole() {
        KeystoneScopeFetcher fetcher = new KeystoneScopeFetcher(new KeystoneScopeFetcher.Selection.WithRole(
                new KeystoneProjects(new KeystoneTokens(settings(), Clock.systemUTC())), role));

        assertThat(fetcher.scopes()).containsExactly(rated);
        assertThat(fetcher.name()).isEqualTo("keystone");
    }

    @Test
    void listsEveryEnabledProjectAndLeavesADisabledOneOut() throws Exception {
        String disabled = keystone.createProject("disabled");
        KeystoneScopeFetcher fetcher =
                new KeystoneScopeFetcher(new KeystoneScopeFetcher.Selection.AllEnabled(directory(keystone.url())));
        assertThat(fetcher.scopes()).contains(rated, unrated, disabled);

        setEnabled(disabled, false);
        assertThat(fetcher.scopes()).contains(rated, unrated).doesNotContain(disabled);
        assertThat(directory(keystone.url()).project(disabled))
                .hasValueSatisfying(state -> assertThat(state.enabled()).isFalse());
    }

    @Test
    void keystoneOutOfReachIsAFailedListingNotAnEmptyOne() {
        KeystoneScopeFetcher fetcher = new KeystoneScopeFetcher(
                new KeystoneScopeFetcher.Selection.AllEnabled(directory("http://127.0.0.1:1/v3")));

        assertThatThrownBy(fetcher::scopes).isInstanceOf(CollectException.class).hasMessageContaining("Keystone");
    }

    /** As the service's YAML gives them: whatever else the settings hold keeps its default. */
    static KeystoneSettings settings() {
        return new ObjectMapper()
                .convertValue(
                        Map.of(
                                "url", keystone.url(),
                                "user", keystone.adminUser(),
                                "password", keystone.adminPassword(),
                                "project", keystone.adminProject()),
                        KeystoneConfiguration.class)
                .settings();
    }

    static KeystoneProjectDirectory directory(String url) {
        return new KeystoneProjectDirectory(
                URI.create(url), keystone.adminUser(), keystone.adminPassword(), keystone.adminProject(), "Default");
    }

    /** PATCH /v3/projects/{id}, as {@code openstack project set --disable} does. */
    static void setEnabled(String project, boolean enabled) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(keystone.url() + "/projects/" + project))
                                .header("X-Auth-Token", keystone.adminToken())
                                .header("Content-Type", "application/json")
                                .method(
                                        "PATCH",
                                        HttpRequest.BodyPublishers.ofString(
                                                "{\"project\": {\"enabled\": " + enabled + "}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }
}
