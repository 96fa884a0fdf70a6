package io.meterflow.reports.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.meterflow.gnocchiclient.GnocchiClient;
import io.meterflow.gnocchiclient.GnocchiConfig;
import io.meterflow.gnocchiclient.auth.BasicAuth;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.reports.portal.auth.PortalAuthenticator;
import io.meterflow.reports.portal.cost.HttpRatingReader;
import io.meterflow.reports.portal.invoice.TenantInvoice;
import io.meterflow.reports.portal.session.SignedLinks;
import io.meterflow.reports.portal.usage.GnocchiUsageReader;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The portal end to end on real services in this JVM: the rating API and the time-series API on
 * the test's PostgreSQL, the portal in a Dropwizard server, and a real headless Chromium signing
 * in as project A. Nothing of project B may reach A: not on the pages, not by URL.
 */
@RealServices
class PortalIT {

    static final String A = "project-a";
    static final String B = "project-b";
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final String SECRET = "a test secret that is long enough to sign links";
    static final String DB = "6f1c2a3e-0000-4000-8000-00000000a002";
    static final String VOLUME = "6f1c2a3e-0000-4000-8000-00000000a003";

    /** The time-series API's ids of A's web server and B's instance, made at creation. */
    private static String web;

    private static String bVm;

    private static RatingApiFixture rating;
    private static ApiFixture timeseries;
    private static PortalServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        // The time-series API first: its Flyway history is the default one and wants an empty schema.
        timeseries = ApiFixture.start(db);
        rating = RatingApiFixture.start(db);
        seedUsage();
        seedCosts();
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        TestInvoices invoices = new TestInvoices(Map.of(
                A,
                        List.of(
                                invoice("inv-a-10", "MF-2026-0107", 10, "310.00", "EUR"),
                                invoice("inv-a-09", "MF-2026-0091", 9, "287.40", "EUR")),
                B, List.of(invoice("inv-b-10", "MF-2026-0108", 10, "9.99", "USD"))));
        GnocchiClient gnocchi = new GnocchiClient(GnocchiConfig.of(timeseries.baseUri(), new BasicAuth("admin")));
        server = PortalServer.start(environment -> PortalResources.register(
                environment.jersey(),
                PortalConfig.of(SECRET, Currency.getInstance("USD")),
                PortalAuthenticator.forMode("noauth"),
                new HttpRatingReader(rating.baseUri(), HTTP, Duration.ofSeconds(10)),
                new GnocchiUsageReader(gnocchi, "mean"),
                invoices,
                clock));
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {server, timeseries, rating}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }

    /**
     * A: every day of November up to the 20th, web 2.50 + db 1.25 on average + volume 0.40 =
     * 4.15 a day, so 83.00 this month; 31.00 in October. A is on a EUR plan (1 EUR an instance-hour: 40 hours, 40.00)
     * with a budget of 100 EUR. B: one hour at 9.99 on November 5th, no plan.
     */
    private static void seedCosts() {
        RatedPoints points = new RatedPoints();
        for (int day = 1; day <= 20; day++) {
            Instant hour = LocalDate.of(2026, 11, day).atTime(5, 0).toInstant(ZoneOffset.UTC);
            points.add(A, web, "instance", hour, "1", "2.50");
            // The database's cost grows from 0.775 to 1.725 over the days: 25.00 in all.
            points.add(
                    A,
                    DB,
                    "instance",
                    hour,
                    "1",
                    new BigDecimal("0.725")
                            .add(new BigDecimal("0.05").multiply(BigDecimal.valueOf(day)))
                            .toPlainString());
            points.add(A, VOLUME, "volume", hour, "40", "0.40");
        }
        points.add(A, web, "instance", Instant.parse("2026-10-15T00:00:00Z"), "1", "31.00");
        points.add(B, bVm, "instance", Instant.parse("2026-11-05T00:00:00Z"), "1", "9.99");
        points.postTo(rating, 100);
        created(rating.post(
                "/v2/billing/plans",
                Map.of(
                        "code", "portal-eur",
                        "currency", "EUR",
                        "charges",
                                List.of(Map.of("rating_type", "instance", "model", "per_unit", "unit_price", "1")))));
        created(rating.post(
                "/v2/billing/subscriptions",
                Map.of("project_id", A, "plan_code", "portal-eur", "starts_at", "2026-11-01T00:00:00Z")));
        created(rating.post(
                "/v2/billing/alerts",
                Map.of(
                        "project_id", A,
                        "threshold", "100",
                        "currency", "EUR",
                        "webhook_url", "http://127.0.0.1:9/budget")));
    }

    /** Hourly cpu of A's web server and B's instance over the week before NOW. */
    private static void seedUsage() throws Exception {
        MeasuresSeed seed = new MeasuresSeed(timeseries.baseUri());
        seed.archivePolicy("portal-hourly");
        Instant started = Instant.parse("2026-11-01T00:00:00Z");
        web = seed.resource("web-1", A, "cpu", "portal-hourly", started);
        bVm = seed.resource("b-secret-vm", B, "cpu", "portal-hourly", started);
        StringBuilder webPoints = new StringBuilder();
        StringBuilder other = new StringBuilder();
        for (int h = 0; h < 7 * 24; h++) {
            String at =
                    Instant.parse("2026-11-13T12:00:00Z").plusSeconds(3600L * h).toString();
            String sep = h == 0 ? "" : ",";
            webPoints
                    .append(sep)
                    .append("{\"timestamp\": \"%s\", \"value\": %s}".formatted(at, 20 + 15 * Math.sin(h / 4.0)));
            other.append(sep).append("{\"timestamp\": \"%s\", \"value\": 99}".formatted(at));
        }
        seed.batch("{\"%s\": {\"cpu\": [%s]}, \"%s\": {\"cpu\": [%s]}}".formatted(web, webPoints, bVm, other));
    }

    @Test
    void projectASeesItsOwnCostsGraphsAndInvoicesAndNothingOfB() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/chromium"))
                        && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "chromium and chromedriver are not installed");
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1700");
        WebDriver browser = new ChromeDriver(options);
        try {
            browser.get(server.baseUri() + "/portal");
            assertThat(browser.getCurrentUrl()).endsWith("/portal/signin");
            browser.findElement(By.id("user")).sendKeys(A);
            browser.findElement(By.id("signin")).click();

            assertThat(browser.getCurrentUrl()).endsWith("/portal");
            assertThat(text(browser, "project")).isEqualTo(A);
            assertThat(text(browser, "mtd")).isEqualTo("€83.00");
            assertThat(text(browser, "last-month")).isEqualTo("€31.00");
            // 83.00 over 19.5 of November's 30 days.
            assertThat(text(browser, "forecast")).isEqualTo("€127.69");
            assertThat(browser.findElements(By.cssSelector("#daily-chart rect.day-bar")))
                    .hasSize(20);
            assertThat(text(browser, "services")).contains("instance", "€75.00", "volume", "€8.00");
            assertThat(text(browser, "resources")).contains(web, "€50.00").doesNotContain(bVm);
            assertThat(text(browser, "budgets")).contains("€40.00 of €100.00", "40%");
            String invoices = text(browser, "invoices");
            assertThat(invoices)
                    .contains("MF-2026-0107", "MF-2026-0091", "€310.00")
                    .doesNotContain("MF-2026-0108");
            screenshot(browser);

            String cookie = browser.manage().getCookieNamed("meterflow_portal").getValue();
            HttpResponse<byte[]> pdf = get("/portal/invoices/inv-a-10/pdf", cookie);
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
            assertThat(pdf.headers().firstValue("Content-Type")).contains("application/pdf");
            assertThat(get("/portal/invoices/inv-a-10/csv", cookie).statusCode())
                    .isEqualTo(200);

            // B's invoice and B's resource, asked for with A's session.
            assertThat(get("/portal/invoices/inv-b-10/pdf", cookie).statusCode())
                    .isIn(403, 404);
            assertThat(get("/portal/usage?resource=" + bVm, cookie).statusCode())
                    .isIn(403, 404);
            assertThat(get("/portal/usage?resource=" + bVm + "&meter=cpu", cookie)
                            .statusCode())
                    .isIn(403, 404);
            assertThat(get("/portal/invoices/inv-a-10/exe", cookie).statusCode())
                    .isEqualTo(404);

            browser.findElement(By.linkText(web)).click();
            assertThat(browser.findElements(By.cssSelector("#usage-chart polyline")))
                    .hasSize(1);
            // Kept in target/ for a look at the usage page; only the overview goes into the docs.
            Files.write(
                    Path.of("target", "portal-usage.png"),
                    ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            assertThat(browser.findElement(By.tagName("main")).getText())
                    .contains("web-1")
                    .doesNotContain("b-secret-vm");

            browser.findElement(By.cssSelector("form[action='/portal/signout'] button"))
                    .click();
            assertThat(browser.getCurrentUrl()).endsWith("/portal/signin");
            assertThat(get("/portal", cookie).statusCode())
                    .as("the signed-out session")
                    .isEqualTo(303);
        } finally {
            browser.quit();
        }
    }

    @Test
    void usageIsReadOnlyForTheProjectsOwnResourcesMetersAndABoundedPeriod() throws Exception {
        String session = signIn(A);

        HttpResponse<byte[]> own = get("/portal/usage", session);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(new String(own.body(), StandardCharsets.UTF_8))
                .contains("web-1")
                .doesNotContain("b-secret-vm");
        assertThat(get("/portal/usage?resource=" + bVm, session).statusCode()).isEqualTo(404);
        assertThat(get("/portal/usage?resource=no-such-resource", session).statusCode())
                .isEqualTo(404);
        String syntax = java.net.URLEncoder.encode("cpu mean)) (metric other", StandardCharsets.UTF_8);
        assertThat(get("/portal/usage?meter=" + syntax, session).statusCode()).isEqualTo(404);
        assertThat(get("/portal/usage?from=2026-01-01&to=2026-11-20", session).statusCode())
                .isEqualTo(400);
        assertThat(get("/portal/usage?from=2026-11-20&to=2026-11-01", session).statusCode())
                .isEqualTo(400);
        assertThat(get("/portal/usage?from=yesterday", session).statusCode()).isEqualTo(400);
    }

    @Test
    void pagesWithoutASessionSendToSignIn() throws Exception {
        assertThat(get("/portal", null).statusCode()).isEqualTo(303);
        assertThat(get("/portal/invoices/inv-a-10/pdf", null).statusCode()).isEqualTo(303);
        assertThat(get("/portal/invoices/inv-a-10/pdf", "forged-session-id").statusCode())
                .isEqualTo(303);
        HttpResponse<byte[]> signIn = get("/portal/signin", null);
        assertThat(signIn.statusCode()).isEqualTo(200);
        assertThat(signIn.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    }

    @Test
    void aSignedLinkOpensItsProjectAndExpiredOrForgedLinksAnswer403() throws Exception {
        SignedLinks links = server.portal().signedLinks();
        URI valid = links.mint(URI.create(server.baseUri() + "/portal"), new ProjectId(A), Duration.ofHours(1));

        HttpResponse<byte[]> opened = get(valid.getRawPath() + "?" + valid.getRawQuery(), null);
        assertThat(opened.statusCode()).isEqualTo(303);
        assertThat(opened.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/portal"));
        String setCookie = opened.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly", "SameSite=Lax", "Path=/portal");
        String session = setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
        HttpResponse<byte[]> page = get("/portal", session);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("€83.00");

        SignedLinks yesterday = new SignedLinks(
                SECRET.getBytes(StandardCharsets.UTF_8), Clock.fixed(NOW.minus(Duration.ofDays(1)), ZoneOffset.UTC));
        URI expired = yesterday.mint(URI.create("http://x/portal"), new ProjectId(A), Duration.ofHours(1));
        assertThat(get("/portal/link?" + expired.getRawQuery(), null).statusCode())
                .isEqualTo(403);

        String forgedProject = valid.getRawQuery().replace("project=" + A, "project=" + B);
        assertThat(get("/portal/link?" + forgedProject, null).statusCode()).isEqualTo(403);
        String laterExpiry = valid.getRawQuery().replaceAll("expires=\\d+", "expires=4102444800");
        assertThat(get("/portal/link?" + laterExpiry, null).statusCode()).isEqualTo(403);
        URI otherSecret = new SignedLinks(
                        "not the portal's secret, but long enough".getBytes(StandardCharsets.UTF_8),
                        Clock.fixed(NOW, ZoneOffset.UTC))
                .mint(URI.create("http://x/portal"), new ProjectId(B), Duration.ofHours(1));
        HttpResponse<byte[]> forged = get("/portal/link?" + otherSecret.getRawQuery(), null);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void signInRefusesWhatCouldNotBeAProjectId() throws Exception {
        HttpResponse<String> refused = TestSignIn.post(
                HTTP,
                server.baseUri(),
                "user=" + java.net.URLEncoder.encode("project-a,project_id:project-b", StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("meterflow_portal="));
    }

    /** Login CSRF: another site's form posted without the page's token opens no session. */
    @Test
    void signInWithoutTheFormsTokenIsRefused() throws Exception {
        for (String cookie : new String[] {null, "meterflow_signin=forged-token"}) {
            HttpRequest.Builder post = HttpRequest.newBuilder(server.baseUri().resolve("/portal/signin"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("user=" + A + "&csrf_token=another-token"));
            if (cookie != null) {
                post.header("Cookie", cookie);
            }
            HttpResponse<String> refused = HTTP.send(post.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("This sign-in form has expired");
            assertThat(refused.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("meterflow_portal="));
        }
    }

    private static String signIn(String project) throws Exception {
        HttpResponse<String> signedIn = TestSignIn.post(HTTP, server.baseUri(), "user=" + project);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        return TestSignIn.sessionOf(signedIn);
    }

    private static HttpResponse<byte[]> get(String path, String session) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(server.baseUri().resolve(path)).GET();
        if (session != null) {
            request.header("Cookie", "meterflow_portal=" + session);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static void screenshot(WebDriver browser) throws Exception {
        String target = System.getProperty("meterflow.portal.screenshot");
        if (target == null) {
            return;
        }
        long height = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(height, 3000)));
        Files.write(Path.of(target), ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static TenantInvoice invoice(String id, String number, int month, String total, String currency) {
        LocalDate start = LocalDate.of(2026, month, 1);
        return new TenantInvoice(
                id,
                number,
                start,
                start.withDayOfMonth(start.lengthOfMonth()),
                start.plusMonths(1),
                "issued",
                new BigDecimal(total),
                Currency.getInstance(currency));
    }

    private static void created(RatingApiFixture.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }
}
