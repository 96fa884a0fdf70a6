package io.meterflow.reports.exports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardClientExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.meterflow.gnocchiclient.error.GnocchiAccessDeniedException;
import io.meterflow.gnocchiclient.error.GnocchiErrorDescription;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The resource on a real Jetty and Jersey (Dropwizard's client extension), its exporter answering
 * a fixed table: what goes over HTTP, not the numbers (CapacityExportIT checks those).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CapacityExportResourceTest {

    private static final String QUERY =
            "metric=cpu&metric=memory.usage&aggregation=mean,max&unit=ns&groupby=host,flavor_name&filter=project_id=p1"
                    + "&start=2026-12-01T00:00:00Z&stop=2026-12-01T02:00:00Z&granularity=3600";

    private static final List<String> TOKENS = new CopyOnWriteArrayList<>();

    private static final DropwizardClientExtension SERVER =
            new DropwizardClientExtension(new CapacityExportResource(token -> {
                TOKENS.add(String.valueOf(token));
                return export -> {
                    if (export.resourceType().equals("forbidden")) {
                        throw new GnocchiAccessDeniedException(
                                403, "Forbidden", GnocchiErrorDescription.ofText("not yours"));
                    }
                    return new ExportTable(
                            export, SampleTables.byHostAndFlavor().rows());
                };
            }));

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @CsvSource({"csv, text/csv;charset=utf-8", "json, application/json", "png, image/png", "svg, image/svg+xml"})
    void answersEachFormatAsAnAttachment(String format, String contentType) throws Exception {
        HttpResponse<byte[]> response = get(QUERY + "&format=" + format);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""))
                .isEqualToIgnoringCase(contentType);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"capacity-cpu_mean-memory.usage_max-by-host-flavor_name"
                        + "-20261201T000000Z-20261201T020000Z." + format + "\"");
    }

    @Test
    void answersCsvByDefaultWithTheWritersContent() throws Exception {
        HttpResponse<byte[]> response = get(QUERY);

        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .startsWith("host,flavor_name,timestamp,granularity,cpu_mean,memory.usage_max\n"
                        + "compute-1,m1.small,2026-12-01T00:00:00Z,3600,1.5,512.0\n");
    }

    @Test
    void answersADecodablePng() throws Exception {
        HttpResponse<byte[]> response = get(QUERY + "&format=png");

        assertThat(ImageIO.read(new ByteArrayInputStream(response.body())).getWidth())
                .isEqualTo(1200);
    }

    @Test
    void passesTheCallersTokenToTheExporterFactory() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(QUERY))
                .header("X-Auth-Token", "token-of-p1")
                .build();

        http.send(request, HttpResponse.BodyHandlers.discarding());

        assertThat(TOKENS).contains("token-of-p1");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "metric=cpu&start=2026-12-01T00:00:00Z&stop=2026-12-01T02:00:00Z&granularity=1 hour"
                        + "| granularity: '1 hour' is not seconds",
                "metric=cpu&start=yesterday&stop=2026-12-01T02:00:00Z&granularity=3600| start: 'yesterday'",
                "metric=cpu&start=2026-12-02T00:00:00Z&stop=2026-12-01T00:00:00Z&granularity=3600"
                        + "| stop: stop 2026-12-01T00:00:00Z must be after start",
                "start=2026-12-01T00:00:00Z&stop=2026-12-01T02:00:00Z&granularity=3600| metric: at least one metric",
                "metric=cpu&aggregation=average&start=2026-12-01T00:00:00Z&stop=2026-12-01T02:00:00Z&granularity=60"
                        + "| aggregation: 'average' for metric cpu",
                "metric=cpu&groupby=host-name&start=2026-12-01T00:00:00Z&stop=2026-12-01T02:00:00Z&granularity=60"
                        + "| groupby: 'host-name' is not a resource attribute name",
                "metric=cpu&format=xlsx&start=2026-12-01T00:00:00Z&stop=2026-12-01T02:00:00Z&granularity=60"
                        + "| format: 'xlsx' is not one of csv, json, png, svg",
                "metric=cpu&colour=red&start=2026-12-01T00:00:00Z&stop=2026-12-01T02:00:00Z&granularity=60"
                        + "| colour: unknown parameter",
            })
    void refusesBadInputWithA400NamingTheParameter(String query, String description) throws Exception {
        HttpResponse<byte[]> response = get(query.replace(" ", "%20"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode body = json.readTree(response.body());
        assertThat(body.fieldNames()).toIterable().containsExactly("description");
        assertThat(body.get("description").asText()).contains(description);
    }

    @Test
    void reportsEveryBadParameterAtOnce() throws Exception {
        HttpResponse<byte[]> response = get("format=doc&granularity=-5");

        assertThat(json.readTree(response.body()).get("description").asText())
                .contains("format:", "metric:", "granularity:");
    }

    @Test
    void answersTheTimeSeriesApisRefusalWithItsStatus() throws Exception {
        HttpResponse<byte[]> response = get(QUERY + "&resource_type=forbidden");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json.readTree(response.body()).get("description").asText()).startsWith("time-series API: HTTP 403");
    }

    private HttpResponse<byte[]> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(query)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI uri(String query) {
        return URI.create(SERVER.baseUri() + "/v1/exports/capacity?" + query);
    }
}
