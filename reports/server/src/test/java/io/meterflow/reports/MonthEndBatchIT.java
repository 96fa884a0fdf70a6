package io.meterflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.RatingApiFixture;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The month-end batch ({@code reports issue}) in process on a real PostgreSQL and the real rating
 * API: resumed after a crash, it neither issues twice nor leaves a gap, and writes only the files
 * still missing. A broken template stops the service at start.
 */
@RealServices
class MonthEndBatchIT {

    @Test
    void aBatchResumedAfterACrashIssuesNothingTwiceAndWritesOnlyMissingFiles(PostgresDatabase db, @TempDir Path dir)
            throws Exception {
        try (RatingApiFixture rating = RatingApiFixture.start(db);
                ReportsApiFixture reports =
                        ReportsApiFixture.start(db, rating.baseUri(), Map.of("billing.defaultIssuer", "batch"))) {
            assertThat(reports.put(
                                    "/v1/issuers/batch",
                                    Map.of(
                                            "party",
                                                    Map.of(
                                                            "name",
                                                            "Batch Cloud",
                                                            "address",
                                                            Map.of("country_code", "DE")),
                                            "bank", Map.of("iban", "DE89370400440532013000"),
                                            "number_pattern", "B{SEQ:3}"))
                            .status())
                    .isEqualTo(200);
            for (int i = 1; i <= 5; i++) {
                String project = "batch-project-" + i;
                RatingSeed.rated(rating, project, "2026-11-0" + i + "T10:00:00", "instance", String.valueOf(i), "1.5");
                RatingSeed.ratedThrough(db, project, "2026-11-30T23:00:00+00");
            }
            // The crash: a run and two issues went through before the process died.
            JsonNode run = reports.post("/v1/invoice-runs", Map.of("period", "2026-11"))
                    .json();
            assertThat(run.get("created").asInt()).isEqualTo(5);
            for (int i = 0; i < 2; i++) {
                String id = run.get("drafts").get(i).asText();
                assertThat(reports.post("/v1/invoices/" + id + "/actions/issue", Map.of())
                                .status())
                        .isEqualTo(200);
            }

            Path output = dir.resolve("invoices");
            Path config = config(dir, db, rating);
            batch(config, output);
            assertThat(numbers(reports)).containsExactly("B001", "B002", "B003", "B004", "B005");
            assertThat(files(output)).hasSize(15);

            // Killed again between issuing and writing: one PDF is missing; the next run writes it alone.
            Path lost = output.resolve("B004.pdf");
            Files.delete(lost);
            long csvModified =
                    Files.getLastModifiedTime(output.resolve("B004.csv")).toMillis();
            batch(config, output);
            assertThat(numbers(reports)).containsExactly("B001", "B002", "B003", "B004", "B005");
            assertThat(reports.get("/v1/issuers/batch")
                            .json()
                            .get("next_number")
                            .asLong())
                    .isEqualTo(6);
            assertThat(Files.readAllBytes(lost)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
            assertThat(Files.getLastModifiedTime(output.resolve("B004.csv")).toMillis())
                    .isEqualTo(csvModified);
            assertThat(files(output)).hasSize(15);
        }
    }

    @Test
    void aBrokenTemplateStopsTheServiceAtStartNamingTheFile(PostgresDatabase db, @TempDir Path dir) throws Exception {
        Path template = dir.resolve("broken.jrxml");
        Files.writeString(
                template, "<jasperReport name=\"broken\"><title><band height=\"10\"><element kind=\"nonsense\"/>");
        try (RatingApiFixture rating = RatingApiFixture.start(db)) {
            assertThatThrownBy(() -> ReportsApiFixture.start(
                                    db, rating.baseUri(), Map.of("rendering.template", template.toString()))
                            .close())
                    .hasStackTraceContaining(template.toString());
        }
    }

    private static void batch(Path config, Path output) throws Exception {
        new ReportsApplication().run("issue", "--period", "2026-11", "--output", output.toString(), config.toString());
    }

    private static Path config(Path dir, PostgresDatabase db, RatingApiFixture rating) throws IOException {
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "user="
                + URLEncoder.encode(db.user(), StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(db.password(), StandardCharsets.UTF_8);
        Path file = dir.resolve("reports.yml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "database:",
                        "  url: \"" + url + "\"",
                        "ratingUrl: \"" + rating.baseUri() + "\"",
                        "billing:",
                        "  defaultIssuer: batch",
                        "logging:",
                        "  level: WARN",
                        ""));
        return file;
    }

    private static List<String> numbers(ReportsApiFixture reports) {
        List<String> numbers = new ArrayList<>();
        reports.get("/v1/invoices?period=2026-11")
                .json()
                .get("invoices")
                .forEach(i -> numbers.add(i.get("number").asText()));
        return numbers.stream().sorted().toList();
    }

    private static List<Path> files(Path output) throws IOException {
        try (Stream<Path> files = Files.list(output)) {
            return files.filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList();
        }
    }
}
