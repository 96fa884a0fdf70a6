package io.meterflow.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The newcomer's first minute, on the real distribution: the tarball unpacked into an empty
 * directory, {@code bin/meterflow all-in-one --demo} run with no Meterflow variable set. Within 60
 * seconds the time-series API answers, the demo's samples are measures, the rating engine has a
 * non-empty summary and a month-to-date invoice PDF downloads from the tenant portal. Stopped and
 * started again, it keeps its data and issues nothing twice.
 */
class AllInOneDemoIT {

    private static final Duration FIRST_MINUTE = Duration.ofSeconds(60);
    /** The remaining accounts' invoices follow the first; this bounds the wait for all of them. */
    private static final Duration ALL_INVOICES = Duration.ofSeconds(120);
    /** What the all-in-one prints once every account's month-to-date invoice is issued (AllInOne). */
    private static final String INVOICES_READY = "month-to-date invoices ready in the portal";

    private static final String ADMIN =
            "Basic " + Base64.getEncoder().encodeToString("admin:".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Under target/, so that the all-in-one's logs outlive a failed run. */
    private final Path directory = Path.of("target", "all-in-one-it").toAbsolutePath();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void bills_a_simulated_cloud_within_a_minute_and_keeps_everything_across_a_restart() throws Exception {
        deleteRecursively(directory);
        Path home = unpack(Path.of(System.getProperty("meterflow.distribution")));
        Path log = directory.resolve("first-start.log");

        long started = System.nanoTime();
        process = start(home, log);
        awaitWithin(
                started,
                "the time-series API answers",
                () -> get("http://127.0.0.1:8041/v1").map(body -> true));
        awaitWithin(started, "the demo's samples are readable as measures", this::someMeasures);
        awaitWithin(started, "a rated summary is non-empty", this::ratedTotal);
        List<JsonNode> invoices = awaitWithin(started, "the demo's invoices are issued", this::issuedInvoices);
        String project = get("http://127.0.0.1:8890/v1/accounts/"
                        + invoices.get(0).path("account_id").asText())
                .orElseThrow()
                .path("projects")
                .path(0)
                .asText();
        byte[] pdf = awaitWithin(
                started, "the portal shows usage graphs and an invoice PDF downloads", () -> portalPdf(project));
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        Duration firstMinute = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf(
                "all-in-one --demo: invoice PDF from the portal %d ms after the start%n", firstMinute.toMillis());

        // The demo issues one invoice per account, one after the other: the portal's PDF shows as
        // soon as the first is issued, so what was issued is read once the demo says it is done.
        awaitWithin(
                started, ALL_INVOICES, "every demo account's invoice is issued", () -> logSays(log, INVOICES_READY));
        List<JsonNode> issued = issuedInvoices().orElseThrow();
        assertThat(issued.stream().map(invoice -> invoice.path("account_id").asText()))
                .as("one invoice per demo account")
                .doesNotHaveDuplicates();
        List<String> numbersBefore = numbers(issued);
        double ratedBefore = ratedTotal().orElseThrow();
        stopGracefully();

        Path secondLog = directory.resolve("second-start.log");
        long restarted = System.nanoTime();
        process = start(home, secondLog);
        awaitWithin(
                restarted,
                "the time-series API answers again",
                () -> get("http://127.0.0.1:8041/v1").map(body -> true));
        awaitWithin(
                restarted,
                ALL_INVOICES,
                "the demo's invoice step has run again",
                () -> logSays(secondLog, INVOICES_READY));
        assertThat(ratedTotal().orElseThrow()).as("rated usage kept").isGreaterThanOrEqualTo(ratedBefore);
        assertThat(numbers(issuedInvoices().orElseThrow()))
                .as("no invoice issued twice")
                .isEqualTo(numbersBefore);
        assertThat(portalPdf(project)).as("the invoice still downloads").isPresent();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                for (Path each :
                        walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(each);
                }
            }
        }
    }

    private Path unpack(Path tarball) throws IOException, InterruptedException {
        assertThat(tarball).exists();
        Path target = Files.createDirectories(directory.resolve("install"));
        Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", target.toString())
                .inheritIO()
                .start();
        assertThat(tar.waitFor()).isZero();
        try (var entries = Files.list(target)) {
            return entries.findFirst().orElseThrow();
        }
    }

    /** Nothing configured: every METERFLOW_ variable of the build's environment is left out. */
    private Process start(Path home, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bin/meterflow", "all-in-one", "--demo")
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("METERFLOW_"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        return builder.start();
    }

    private void stopGracefully() throws InterruptedException {
        process.destroy(); // SIGTERM: the services stop, then the embedded servers
        assertThat(process.waitFor(90, TimeUnit.SECONDS))
                .as("stops within 90 s")
                .isTrue();
    }

    private Optional<Boolean> someMeasures() {
        return get("http://127.0.0.1:8041/v1/metric?limit=200").flatMap(metrics -> {
            for (JsonNode metric : metrics) {
                Optional<JsonNode> measures = get(
                        "http://127.0.0.1:8041/v1/metric/" + metric.path("id").asText() + "/measures?refresh=true");
                if (measures.isPresent() && measures.get().size() > 0) {
                    return Optional.of(true);
                }
            }
            return Optional.empty();
        });
    }

    private Optional<Double> ratedTotal() {
        return get("http://127.0.0.1:8889/v2/summary").flatMap(summary -> {
            double rate = 0;
            for (JsonNode row : summary.path("results")) {
                rate += row.get(summary.path("columns").size() > 3 ? 3 : row.size() - 1)
                        .asDouble();
            }
            return summary.path("total").asInt() > 0 && rate > 0 ? Optional.of(rate) : Optional.empty();
        });
    }

    private Optional<List<JsonNode>> issuedInvoices() {
        return get("http://127.0.0.1:8890/v1/invoices").flatMap(answer -> {
            List<JsonNode> issued = new ArrayList<>();
            for (JsonNode invoice : answer.path("invoices")) {
                if (invoice.path("status").asText().equals("issued")) {
                    issued.add(invoice);
                }
            }
            return issued.isEmpty() ? Optional.empty() : Optional.of(issued);
        });
    }

    private static List<String> numbers(List<JsonNode> invoices) {
        return invoices.stream()
                .map(invoice -> invoice.path("number").asText())
                .sorted()
                .toList();
    }

    /** As a tenant: a signed portal link for the project, its usage graphs, then its first invoice's PDF. */
    private Optional<byte[]> portalPdf(String project) {
        try {
            HttpResponse<String> link = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:8890/v1/portal-links"))
                            .header("Authorization", ADMIN)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"project_id\": \"" + project + "\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (link.statusCode() / 100 != 2) {
                return Optional.empty();
            }
            // The link answers with the session cookie and a redirect; the tenant sends it back.
            String url = JSON.readTree(link.body()).path("url").asText();
            HttpResponse<Void> signedIn =
                    http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding());
            Optional<String> session = signedIn.headers().allValues("Set-Cookie").stream()
                    .map(cookie -> cookie.split(";", 2)[0])
                    .findFirst();
            if (session.isEmpty()) {
                return Optional.empty();
            }
            String page = asTenant(session.get(), "/portal");
            if (!page.contains("<svg")
                    || !asTenant(session.get(), "/portal/usage").contains("<svg")) {
                return Optional.empty(); // the portal shows the project's cost and usage graphs
            }
            Matcher pdfLink = Pattern.compile("/portal/invoices/([^/\"]+)/pdf").matcher(page);
            if (!pdfLink.find()) {
                return Optional.empty();
            }
            HttpResponse<byte[]> pdf = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:8890" + pdfLink.group()))
                            .header("Cookie", session.get())
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return pdf.statusCode() == 200 ? Optional.of(pdf.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private String asTenant(String session, String path) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:8890" + path))
                                .header("Cookie", session)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private Optional<Boolean> logSays(Path log, String text) {
        try {
            return Files.readString(log).contains(text) ? Optional.of(true) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Optional<JsonNode> get(String url) {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Authorization", ADMIN)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Polls until {@code check} answers, failing once 60 seconds from {@code startNanos} are over. */
    private <T> T awaitWithin(long startNanos, String what, Supplier<Optional<T>> check) throws InterruptedException {
        return awaitWithin(startNanos, FIRST_MINUTE, what, check);
    }

    /** Polls until {@code check} answers, failing once {@code limit} from {@code startNanos} is over. */
    private <T> T awaitWithin(long startNanos, Duration limit, String what, Supplier<Optional<T>> check)
            throws InterruptedException {
        while (true) {
            Optional<T> answer = check.get();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
            if (answer.isPresent()) {
                System.out.printf("%6d ms: %s%n", elapsed.toMillis(), what);
                return answer.get();
            }
            assertThat(process.isAlive())
                    .as("the all-in-one is running (its log: %s)", directory)
                    .isTrue();
            assertThat(elapsed).as("%s within %s of the start", what, limit).isLessThan(limit);
            Thread.sleep(500);
        }
    }
}
