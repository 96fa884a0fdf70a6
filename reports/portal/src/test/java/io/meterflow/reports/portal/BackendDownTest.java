package io.meterflow.reports.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.gnocchiclient.GnocchiClient;
import io.meterflow.gnocchiclient.GnocchiConfig;
import io.meterflow.gnocchiclient.auth.BasicAuth;
import io.meterflow.reports.portal.auth.PortalAuthenticator;
import io.meterflow.reports.portal.cost.HttpRatingReader;
import io.meterflow.reports.portal.usage.GnocchiUsageReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With the rating and time-series APIs unreachable, a signed-in tenant gets a 503 page that names nothing internal. */
class BackendDownTest {

    private static final URI NOWHERE = URI.create("http://127.0.0.1:9");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PortalServer server;

    @BeforeAll
    static void start() throws Exception {
        server = PortalServer.start(environment -> PortalResources.register(
                environment.jersey(),
                PortalConfig.of("a test secret that is long enough to sign links", Currency.getInstance("EUR")),
                PortalAuthenticator.forMode("basic"),
                new HttpRatingReader(NOWHERE, HTTP, Duration.ofSeconds(2)),
                new GnocchiUsageReader(
                        new GnocchiClient(GnocchiConfig.of(NOWHERE, new BasicAuth("admin")), HTTP), "mean"),
                new TestInvoices(Map.of()),
                Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void pagesAnswer503WithoutInternalDetails() throws Exception {
        String session = signIn("tenant-1", "any password");

        for (String page : new String[] {"/portal", "/portal/usage"}) {
            HttpResponse<String> answer = get(page, session);
            assertThat(answer.statusCode()).as(page).isEqualTo(503);
            assertThat(answer.body())
                    .as(page)
                    .contains("Temporarily unavailable")
                    .doesNotContain("127.0.0.1");
        }
    }

    @Test
    void basicModeTakesTheUserNameAsTheProjectButNeverAdmin() throws Exception {
        assertThat(signInStatus("admin")).isEqualTo(401);
        assertThat(signInStatus("tenant-2")).isEqualTo(303);
    }

    private static String signIn(String user, String password) throws Exception {
        HttpResponse<String> answer = post(user, password);
        assertThat(answer.statusCode()).isEqualTo(303);
        return TestSignIn.sessionOf(answer);
    }

    private static int signInStatus(String user) throws Exception {
        return post(user, "x").statusCode();
    }

    private static HttpResponse<String> post(String user, String password) throws Exception {
        return TestSignIn.post(HTTP, server.baseUri(), "user=" + user + "&password=" + password.replace(' ', '+'));
    }

    private static HttpResponse<String> get(String path, String session) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(server.baseUri().resolve(path))
                        .header("Cookie", "meterflow_portal=" + session)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
