package io.meterflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The tenant portal's Keystone sign-in, against the real Keystone of METERFLOW_TEST_KEYSTONE_URL
 * (skipped without it): A's member signs in with a password in headless Chromium and sees A's
 * invoice only, B's invoice URLs answer 404; an application credential signs in to its project;
 * a wrong password, or a user without a role on the project, is refused with a page saying so;
 * an operator's signed link still opens its project's portal.
 */
@RealServices
class KeystonePortalIT {

    private static KeystoneScene scene;

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        scene = KeystoneScene.start(db).orElse(null);
        assumeTrue(scene != null, "no Keystone: set METERFLOW_TEST_KEYSTONE_URL (.ci/run starts one)");
    }

    @AfterAll
    static void stop() throws Exception {
        if (scene != null) {
            scene.close();
        }
    }

    @Test
    void aMemberSignsInWithItsKeystonePasswordAndSeesItsProjectOnly() throws Exception {
        assumeTrue(
                Files.isExecutable(Path.of("/usr/bin/chromium"))
                        && Files.isExecutable(Path.of("/usr/bin/chromedriver")),
                "chromium and chromedriver are not installed");
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1400");
        WebDriver browser = new ChromeDriver(options);
        try {
            String base = scene.reports.baseUri().toString().replaceAll("/$", "");
            browser.get(base + "/portal");
            assertThat(browser.getCurrentUrl()).endsWith("/portal/signin");
            browser.findElement(By.id("user")).sendKeys(scene.memberAName);
            browser.findElement(By.id("password")).sendKeys("wrong-pass");
            browser.findElement(By.id("project")).sendKeys(scene.projectA);
            browser.findElement(By.id("signin")).click();
            assertThat(browser.findElement(By.id("error")).getText()).contains("Keystone refused those credentials");

            browser.findElement(By.id("user")).sendKeys(scene.memberAName);
            browser.findElement(By.id("password")).sendKeys("ann-pass");
            browser.findElement(By.id("project")).sendKeys(scene.projectA);
            browser.findElement(By.id("signin")).click();
            assertThat(browser.getCurrentUrl()).endsWith("/portal");
            assertThat(browser.findElement(By.id("project")).getText()).isEqualTo(scene.projectA);
            assertThat(browser.findElement(By.id("invoices")).getText())
                    .contains(scene.numberA)
                    .doesNotContain(scene.numberB);
            assertThat(browser.getPageSource()).doesNotContain(scene.projectB).doesNotContain(scene.invoiceB);

            for (String format : List.of("pdf", "csv", "json")) {
                browser.get(base + "/portal/invoices/" + scene.invoiceB + "/" + format);
                assertThat(browser.findElement(By.tagName("main")).getText())
                        .as(format)
                        .contains("There is no such invoice in your account.");
            }
            String session = browser.manage().getCookieNamed("meterflow_portal").getValue();
            for (String format : List.of("pdf", "csv", "json")) {
                assertThat(get("/portal/invoices/" + scene.invoiceB + "/" + format, session)
                                .statusCode())
                        .isEqualTo(404);
                assertThat(get("/portal/invoices/" + scene.invoiceA + "/" + format, session)
                                .statusCode())
                        .isEqualTo(200);
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    void anApplicationCredentialSignsInToItsOwnProject() throws Exception {
        String[] credential = scene.rest.applicationCredential(scene.memberB, scene.projectB);
        HttpClient browser = browser();
        HttpResponse<String> page = PortalSignIn.post(
                browser,
                scene.reports.baseUri(),
                "credential_id=" + credential[0] + "&credential_secret=" + encode(credential[1]));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/portal");
        assertThat(page.body()).contains(scene.numberB).doesNotContain(scene.numberA);

        HttpResponse<String> wrongSecret = PortalSignIn.post(
                browser(), scene.reports.baseUri(), "credential_id=" + credential[0] + "&credential_secret=nope");
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(wrongSecret.body()).contains("Keystone refused those credentials");
    }

    @Test
    void aProjectNameSignsInAsWellAsItsId() throws Exception {
        // KeystoneServer names everything of a class with one prefix: the user's name minus "ann".
        String prefix = scene.memberAName.substring(0, scene.memberAName.length() - "ann".length());
        HttpResponse<String> page = PortalSignIn.post(
                browser(),
                scene.reports.baseUri(),
                "user=" + scene.memberAName + "&password=ann-pass&project=" + prefix + "reports-a");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains(scene.numberA).doesNotContain(scene.numberB);
    }

    @Test
    void aWrongPasswordOrNoRoleOnTheProjectIsRefusedWithoutASession() throws Exception {
        for (String form : List.of(
                "user=" + scene.memberAName + "&password=wrong&project=" + scene.projectA,
                "user=" + scene.memberBName + "&password=ben-pass&project=" + scene.projectA,
                "user=" + scene.financeName + "&password=fin-pass&project=" + scene.projectA,
                "user=nobody-at-all&password=x&project=" + scene.projectA,
                "user=" + scene.memberAName + "&password=ann-pass")) {
            HttpResponse<String> refused = PortalSignIn.post(browser(), scene.reports.baseUri(), form);
            assertThat(refused.statusCode()).as(form).isEqualTo(401);
            assertThat(refused.body())
                    .as(form)
                    .containsAnyOf(
                            "Keystone refused those credentials",
                            "no role on that project",
                            "Enter your user name, password and project")
                    .doesNotContain("ann-pass", "ben-pass");
            assertThat(refused.headers().allValues("Set-Cookie"))
                    .as(form)
                    .noneMatch(c -> c.startsWith("meterflow_portal="));
        }
    }

    @Test
    void anOperatorsSignedLinkStillOpensItsProject() throws Exception {
        JsonNode link = scene.reports
                .post(
                        "/v1/portal-links",
                        Map.of("project_id", scene.projectB, "ttl_seconds", 600),
                        "X-Auth-Token",
                        scene.finance)
                .json();
        HttpResponse<String> viaLink = browser()
                .send(
                        HttpRequest.newBuilder(URI.create(link.get("url").asText()))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(viaLink.statusCode()).isEqualTo(200);
        assertThat(viaLink.body()).contains(scene.numberB).doesNotContain(scene.numberA);
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    private static HttpResponse<byte[]> get(String path, String session) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(scene.reports.baseUri().resolve(path))
                                .header("Cookie", "meterflow_portal=" + session)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
