package io.meterflow.gnocchiclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.gnocchiclient.aggregates.AggregatesGroup;
import io.meterflow.gnocchiclient.aggregates.AggregatesRequest;
import io.meterflow.gnocchiclient.aggregates.AggregatesResult;
import io.meterflow.gnocchiclient.archivepolicy.ArchivePolicy;
import io.meterflow.gnocchiclient.archivepolicy.ArchivePolicyItem;
import io.meterflow.gnocchiclient.auth.BasicAuth;
import io.meterflow.gnocchiclient.auth.NoAuth;
import io.meterflow.gnocchiclient.error.GnocchiAccessDeniedException;
import io.meterflow.gnocchiclient.error.GnocchiApiException;
import io.meterflow.gnocchiclient.error.GnocchiBadRequestException;
import io.meterflow.gnocchiclient.error.GnocchiConflictException;
import io.meterflow.gnocchiclient.error.GnocchiConnectionException;
import io.meterflow.gnocchiclient.error.GnocchiNotFoundException;
import io.meterflow.gnocchiclient.measure.Measure;
import io.meterflow.gnocchiclient.measure.MeasureQuery;
import io.meterflow.gnocchiclient.metric.Metric;
import io.meterflow.gnocchiclient.resource.Resource;
import io.meterflow.gnocchiclient.resource.ResourceQuery;
import io.meterflow.gnocchiclient.resource.ResourceSearch;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client against Meterflow's own time-series API on a real PostgreSQL (direct ingest mode, so
 * a measure is aggregated when its POST returns). The data set: twelve {@code vm} resources, seven
 * in project {@code p-a} and five in {@code p-b}, each with a {@code cpu} metric on a 1 min + 1 h
 * policy; vm number i got i at 10:00 and i + 1 at 10:01 on 2026-01-05, so its hourly mean is i + 0.5.
 * Set-up goes through the server tests' own HTTP helper; every read goes through this client.
 */
@RealServices
class GnocchiClientIT {

    private static final int RESOURCES = 12;
    private static final int IN_PROJECT_A = 7;
    private static final Instant TEN = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant STARTED = Instant.parse("2026-01-01T00:00:00Z");

    private static ApiFixture api;
    private static GnocchiClient client;
    private static final List<UUID> RESOURCE_IDS = new ArrayList<>();
    private static final List<UUID> CPU_METRICS = new ArrayList<>();

    @BeforeAll
    static void start(PostgresDatabase db) throws Exception {
        api = ApiFixture.start(db);
        var admin = api.admin();
        expect(201, admin.post("/v1/archive_policy", """
                {"name": "usage-1m", "back_window": 0, "aggregation_methods": ["mean", "sum"],
                 "definition": [{"granularity": "1 minute", "timespan": "1 day"},
                                {"granularity": "1 hour", "timespan": "30 days"}]}""").status());
        expect(201, admin.post("/v1/resource_type", """
                {"name": "vm", "attributes": {"host": {"type": "string", "required": true},
                                              "flavor": {"type": "string", "required": false}}}""").status());
        for (int i = 0; i < RESOURCES; i++) {
            UUID id = UUID.nameUUIDFromBytes(("vm-" + i).getBytes(StandardCharsets.UTF_8));
            var created = admin.post("/v1/resource/vm", """
                    {"id": "%s", "project_id": "%s", "user_id": "u-1", "started_at": "%s", "host": "compute-%d",
                     "flavor": "m1.small", "metrics": {"cpu": {"archive_policy_name": "usage-1m"}}}"""
                    .formatted(id, i < IN_PROJECT_A ? "p-a" : "p-b", STARTED, i % 3));
            expect(201, created.status());
            UUID cpu = UUID.fromString(created.json().at("/metrics/cpu").asText());
            expect(202, admin.post("/v1/metric/" + cpu + "/measures", """
                    [{"timestamp": "2026-01-05T10:00:00Z", "value": %d},
                     {"timestamp": "2026-01-05T10:01:00Z", "value": %d}]""".formatted(i, i + 1)).status());
            RESOURCE_IDS.add(id);
            CPU_METRICS.add(cpu);
        }
        client = new GnocchiClient(GnocchiConfig.of(api.baseUri(), new BasicAuth("admin")));
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void searchFollowsPagesPastThePageLimit() {
        ResourceSearch byType = ResourceSearch.of("vm", ResourceQuery.eq("flavor", "m1.small")).limit(5);

        List<Resource> firstPage = client.resources().search(byType);
        List<Resource> all = client.resources().searchAll(byType);

        assertThat(firstPage).hasSize(5);
        assertThat(all).hasSize(RESOURCES);
        assertThat(new HashSet<>(all.stream().map(Resource::id).toList())).containsExactlyInAnyOrderElementsOf(
                RESOURCE_IDS);
        assertThat(all).allSatisfy(resource -> {
            assertThat(resource.type()).isEqualTo("vm");
            assertThat(resource.startedAt()).isEqualTo(STARTED);
            assertThat(resource.endedAt()).isNull();
            assertThat(resource.attributes().get("host").asText()).startsWith("compute-");
            assertThat(resource.metrics()).containsOnlyKeys("cpu");
        });
    }

    @Test
    void typedQueriesSelectByProjectAndTime() {
        ResourceQuery projectA = ResourceQuery.and(ResourceQuery.projectId("p-a"),
                ResourceQuery.startedBefore(TEN), ResourceQuery.notEnded());

        List<Resource> inA = client.resources().searchAll(ResourceSearch.of("vm", projectA).limit(3));
        List<Resource> onTwoHosts = client.resources().search(ResourceSearch.of("vm",
                ResourceQuery.in("host", List.of("compute-0", "compute-1"))));
        List<Resource> startedLater = client.resources().search(ResourceSearch.of("generic",
                ResourceQuery.startedAtOrAfter(TEN)));

        assertThat(inA).hasSize(IN_PROJECT_A).allSatisfy(resource -> assertThat(resource.projectId()).isEqualTo("p-a"));
        assertThat(onTwoHosts).hasSize(8);
        assertThat(startedLater).isEmpty();
    }

    @Test
    void getsOneResourceAndItsMetric() {
        Resource resource = client.resources().get("vm", RESOURCE_IDS.get(3).toString());
        Metric cpu = client.metrics().get(CPU_METRICS.get(3));

        assertThat(resource.id()).isEqualTo(RESOURCE_IDS.get(3));
        assertThat(resource.projectId()).isEqualTo("p-a");
        assertThat(resource.userId()).isEqualTo("u-1");
        assertThat(resource.metric("cpu")).contains(CPU_METRICS.get(3));
        assertThat(resource.attributes().get("host").asText()).isEqualTo("compute-0");
        assertThat(cpu.name()).isEqualTo("cpu");
        assertThat(cpu.archivePolicyName()).isEqualTo("usage-1m");
        assertThat(cpu.resource()).contains(RESOURCE_IDS.get(3));
    }

    @Test
    void listsArchivePolicies() {
        ArchivePolicy usage = client.archivePolicies().get("usage-1m");

        assertThat(client.archivePolicies().list()).extracting(ArchivePolicy::name).contains("usage-1m");
        assertThat(usage.aggregationMethods()).containsExactlyInAnyOrder("mean", "sum");
        assertThat(usage.definition()).containsExactlyInAnyOrder(
                new ArchivePolicyItem(Duration.ofMinutes(1), 1440, Duration.ofDays(1)),
                new ArchivePolicyItem(Duration.ofHours(1), 720, Duration.ofDays(30)));
    }

    @Test
    void readsMeasuresByMetricIdAndByResourceMetricName() {
        MeasureQuery minutes = MeasureQuery.all().granularity(Duration.ofMinutes(1)).refreshed();

        List<Measure> byId = client.measures().ofMetric(CPU_METRICS.get(4), minutes);
        List<Measure> byName = client.measures().ofResourceMetric("vm", RESOURCE_IDS.get(4).toString(), "cpu",
                minutes);
        List<Measure> hourlySum = client.measures().ofMetric(CPU_METRICS.get(4),
                MeasureQuery.all().aggregation("sum").granularity(Duration.ofHours(1)).from(TEN));

        assertThat(byId).containsExactly(new Measure(TEN, 60, 4), new Measure(TEN.plusSeconds(60), 60, 5));
        assertThat(byName).isEqualTo(byId);
        assertThat(hourlySum).containsExactly(new Measure(TEN, 3600, 9));
    }

    @Test
    void aggregatesGroupedByProjectOverASearch() {
        AggregatesResult result = client.aggregates().aggregate(
                AggregatesRequest.of("(aggregate sum (metric cpu mean))")
                        .overResources("vm", ResourceQuery.startedBefore(TEN))
                        .groupedBy("project_id")
                        .granularity(Duration.ofHours(1))
                        .withDetails());

        assertThat(result.grouped()).isTrue();
        assertThat(result.groups()).extracting(group -> group.by().get("project_id")).containsExactly("p-a", "p-b");
        AggregatesGroup projectA = result.groups().get(0);
        AggregatesGroup projectB = result.groups().get(1);
        // Hourly means i + 0.5, summed: vms 0..6 in p-a, 7..11 in p-b.
        assertThat(projectA.measures().points("aggregated")).singleElement().satisfies(point -> {
            assertThat(point.timestamp()).isEqualTo(TEN);
            assertThat(point.value()).isCloseTo(24.5, within(1e-9));
        });
        assertThat(projectB.measures().points("aggregated")).singleElement()
                .satisfies(point -> assertThat(point.value()).isCloseTo(47.5, within(1e-9)));
        assertThat(projectA.measures().referencedIds()).hasSize(IN_PROJECT_A);
    }

    @Test
    void aggregatesMetricsByIdUngrouped() {
        String operations = "(metric (%s mean) (%s mean))".formatted(CPU_METRICS.get(1), CPU_METRICS.get(2));

        AggregatesResult result = client.aggregates().aggregate(AggregatesRequest.of(operations)
                .granularity(Duration.ofHours(1)));

        assertThat(result.grouped()).isFalse();
        assertThat(result.measures().points(CPU_METRICS.get(1).toString(), "mean"))
                .containsExactly(new Measure(TEN, 3600, 1.5));
        assertThat(result.measures().points(CPU_METRICS.get(2).toString(), "mean"))
                .containsExactly(new Measure(TEN, 3600, 2.5));
    }

    @Test
    void unknownMetricIsNotFound() {
        UUID unknown = UUID.fromString("00000000-0000-4000-8000-00000000dead");

        assertThatThrownBy(() -> client.measures().ofMetric(unknown, MeasureQuery.all()))
                .isInstanceOfSatisfying(GnocchiNotFoundException.class, error -> {
                    assertThat(error.status()).isEqualTo(404);
                    assertThat(error.title()).isEqualTo("Not Found");
                    assertThat(error.description().text()).contains(unknown.toString());
                });
    }

    @Test
    void badQueryIsBadRequest() {
        ObjectNode unknownOperator = GnocchiClient.json().createObjectNode();
        unknownOperator.putObject("almost").put("host", "compute-0");

        assertThatThrownBy(() -> client.resources().search(ResourceSearch.of("vm", ResourceQuery.of(unknownOperator))))
                .isInstanceOfSatisfying(GnocchiBadRequestException.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.description().text()).isNotEmpty();
                });
        assertThatThrownBy(() -> client.aggregates().aggregate(AggregatesRequest.of("(aggregate sum (metric")))
                .isInstanceOf(GnocchiBadRequestException.class);
    }

    @Test
    void duplicateResourceIsConflict() {
        ObjectNode again = GnocchiClient.json().createObjectNode()
                .put("id", RESOURCE_IDS.get(0).toString())
                .put("host", "compute-9");

        assertThatThrownBy(() -> client.resources().create("vm", again))
                .isInstanceOfSatisfying(GnocchiConflictException.class,
                        error -> assertThat(error.status()).isEqualTo(409));
    }

    @Test
    void anotherAuthModeIsRefused() {
        GnocchiClient headersOnly = new GnocchiClient(GnocchiConfig.of(api.baseUri(),
                new NoAuth("u-1", "p-a", List.of())));

        assertThatThrownBy(() -> headersOnly.resources().search(ResourceSearch.of("vm", ResourceQuery.all())))
                .isInstanceOf(GnocchiAccessDeniedException.class)
                .extracting(error -> ((GnocchiApiException) error).status()).isEqualTo(401);
    }

    @Test
    void closedPortIsAConnectionFailure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GnocchiClient nowhere = new GnocchiClient(GnocchiConfig.of(URI.create("http://127.0.0.1:" + port),
                new BasicAuth("admin")).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> nowhere.metrics().get(CPU_METRICS.get(0)))
                .isInstanceOf(GnocchiConnectionException.class);
    }

    private static void expect(int status, int actual) {
        assertThat(actual).isEqualTo(status);
    }
}
