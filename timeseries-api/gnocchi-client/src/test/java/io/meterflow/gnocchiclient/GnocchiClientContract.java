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
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What the client must do against any Gnocchi v1 API holding a {@link UsageScenario}: the same
 * checks run against Meterflow's time-series API ({@link GnocchiClientIT}) and, when one is
 * given, a real Gnocchi ({@link RealGnocchiIT}).
 */
abstract class GnocchiClientContract {

    /** The data seeded for this class. */
    protected abstract UsageScenario data();

    private GnocchiClient client;

    /** A client authenticated as Gnocchi's basic-mode admin. */
    protected GnocchiClient client() {
        if (client == null) {
            client = new GnocchiClient(GnocchiConfig.of(data().baseUri(), new BasicAuth("admin")));
        }
        return client;
    }

    @Test
    void searchFollowsPagesPastThePageLimit() {
        ResourceSearch byType = ResourceSearch.of(data().resourceType(), ResourceQuery.eq("flavor", "m1.small"))
                .limit(5);

        List<Resource> firstPage = client().resources().search(byType);
        List<Resource> all = client().resources().searchAll(byType);

        assertThat(firstPage).hasSize(5);
        assertThat(all).hasSize(UsageScenario.RESOURCES);
        assertThat(new HashSet<>(all.stream().map(Resource::id).toList()))
                .containsExactlyInAnyOrderElementsOf(data().resourceIds());
        assertThat(all).allSatisfy(resource -> {
            assertThat(resource.type()).isEqualTo(data().resourceType());
            assertThat(resource.startedAt()).isEqualTo(UsageScenario.STARTED);
            assertThat(resource.endedAt()).isNull();
            assertThat(resource.attributes().get("host").asText()).startsWith("compute-");
            assertThat(resource.metrics()).containsOnlyKeys("cpu");
        });
    }

    @Test
    void typedQueriesSelectByProjectAndTime() {
        ResourceQuery projectA = ResourceQuery.and(
                ResourceQuery.projectId(data().projectA()),
                ResourceQuery.startedBefore(UsageScenario.TEN),
                ResourceQuery.notEnded());

        List<Resource> inA = client().resources()
                .searchAll(ResourceSearch.of(data().resourceType(), projectA).limit(3));
        List<Resource> onTwoHosts = client().resources()
                .search(ResourceSearch.of(
                        data().resourceType(), ResourceQuery.in("host", List.of("compute-0", "compute-1"))));
        List<Resource> startedLater = client().resources()
                .search(ResourceSearch.of(
                        "generic",
                        ResourceQuery.and(
                                ResourceQuery.projectId(data().projectA()),
                                ResourceQuery.startedAtOrAfter(UsageScenario.TEN))));

        assertThat(inA)
                .hasSize(UsageScenario.IN_PROJECT_A)
                .allSatisfy(resource -> assertThat(resource.projectId()).isEqualTo(data().projectA()));
        assertThat(onTwoHosts).hasSize(8);
        assertThat(startedLater).isEmpty();
    }

    @Test
    void getsOneResourceAndItsMetric() {
        Resource resource = client().resources()
                .get(data().resourceType(), data().resourceIds().get(3).toString());
        Metric cpu = client().metrics().get(data().cpuMetrics().get(3));

        assertThat(resource.id()).isEqualTo(data().resourceIds().get(3));
        assertThat(resource.projectId()).isEqualTo(data().projectA());
        assertThat(resource.userId()).isEqualTo("u-1");
        assertThat(resource.metric("cpu")).contains(data().cpuMetrics().get(3));
        assertThat(resource.attributes().get("host").asText()).isEqualTo("compute-0");
        assertThat(cpu.name()).isEqualTo("cpu");
        assertThat(cpu.archivePolicyName()).isEqualTo(data().policy());
        assertThat(cpu.resource()).contains(data().resourceIds().get(3));
    }

    @Test
    void listsArchivePolicies() {
        ArchivePolicy usage = client().archivePolicies().get(data().policy());

        assertThat(client().archivePolicies().list())
                .extracting(ArchivePolicy::name)
                .contains(data().policy());
        assertThat(usage.aggregationMethods()).containsExactlyInAnyOrder("mean", "sum");
        assertThat(usage.definition())
                .containsExactlyInAnyOrder(
                        new ArchivePolicyItem(Duration.ofMinutes(1), 1440, Duration.ofDays(1)),
                        new ArchivePolicyItem(Duration.ofHours(1), 720, Duration.ofDays(30)));
    }

    @Test
    void readsMeasuresByMetricIdAndByResourceMetricName() {
        MeasureQuery minutes =
                MeasureQuery.all().granularity(Duration.ofMinutes(1)).refreshed();

        List<Measure> byId = client().measures().ofMetric(data().cpuMetrics().get(4), minutes);
        List<Measure> byName = client().measures()
                .ofResourceMetric(
                        data().resourceType(), data().resourceIds().get(4).toString(), "cpu", minutes);
        List<Measure> hourlySum = client().measures()
                .ofMetric(
                        data().cpuMetrics().get(4),
                        MeasureQuery.all()
                                .aggregation("sum")
                                .granularity(Duration.ofHours(1))
                                .from(UsageScenario.TEN));

        assertThat(byId)
                .containsExactly(
                        new Measure(UsageScenario.TEN, 60, 4), new Measure(UsageScenario.TEN.plusSeconds(60), 60, 5));
        assertThat(byName).isEqualTo(byId);
        assertThat(hourlySum).containsExactly(new Measure(UsageScenario.TEN, 3600, 9));
    }

    @Test
    void aggregatesGroupedByProjectOverASearch() {
        AggregatesResult result = client().aggregates()
                .aggregate(AggregatesRequest.of("(aggregate sum (metric cpu mean))")
                        .overResources(data().resourceType(), ResourceQuery.startedBefore(UsageScenario.TEN))
                        .groupedBy("project_id")
                        .granularity(Duration.ofHours(1))
                        .withDetails());

        assertThat(result.grouped()).isTrue();
        assertThat(result.groups())
                .extracting(group -> group.by().get("project_id"))
                .containsExactly(data().projectA(), data().projectB());
        AggregatesGroup projectA = result.groups().get(0);
        AggregatesGroup projectB = result.groups().get(1);
        // Hourly means i + 0.5, summed: resources 0..6 in project A, 7..11 in B.
        assertThat(projectA.measures().points("aggregated")).singleElement().satisfies(point -> {
            assertThat(point.timestamp()).isEqualTo(UsageScenario.TEN);
            assertThat(point.value()).isCloseTo(24.5, within(1e-9));
        });
        assertThat(projectB.measures().points("aggregated"))
                .singleElement()
                .satisfies(point -> assertThat(point.value()).isCloseTo(47.5, within(1e-9)));
        assertThat(projectA.measures().referencedIds()).hasSize(UsageScenario.IN_PROJECT_A);
    }

    @Test
    void aggregatesMetricsByIdUngrouped() {
        String operations = "(metric (%s mean) (%s mean))"
                .formatted(data().cpuMetrics().get(1), data().cpuMetrics().get(2));

        AggregatesResult result =
                client().aggregates().aggregate(AggregatesRequest.of(operations).granularity(Duration.ofHours(1)));

        assertThat(result.grouped()).isFalse();
        assertThat(result.measures().points(data().cpuMetrics().get(1).toString(), "mean"))
                .containsExactly(new Measure(UsageScenario.TEN, 3600, 1.5));
        assertThat(result.measures().points(data().cpuMetrics().get(2).toString(), "mean"))
                .containsExactly(new Measure(UsageScenario.TEN, 3600, 2.5));
    }

    @Test
    void unknownMetricIsNotFound() {
        UUID unknown = UUID.fromString("00000000-0000-4000-8000-00000000dead");

        assertThatThrownBy(() -> client().measures().ofMetric(unknown, MeasureQuery.all()))
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
        ResourceSearch badSearch = ResourceSearch.of(data().resourceType(), ResourceQuery.of(unknownOperator));

        assertThatThrownBy(() -> client().resources().search(badSearch))
                .isInstanceOfSatisfying(GnocchiBadRequestException.class, error -> {
                    assertThat(error.status()).isEqualTo(400);
                    assertThat(error.description().text()).isNotEmpty();
                });
        assertThatThrownBy(() -> client().aggregates().aggregate(AggregatesRequest.of("(aggregate sum (metric")))
                .isInstanceOf(GnocchiBadRequestException.class);
    }

    @Test
    void duplicateResourceIsConflict() {
        ObjectNode again = GnocchiClient.json()
                .createObjectNode()
                .put("id", data().resourceIds().get(0).toString())
                .put("host", "compute-9");

        assertThatThrownBy(() -> client().resources().create(data().resourceType(), again))
                .isInstanceOfSatisfying(
                        GnocchiConflictException.class,
                        error -> assertThat(error.status()).isEqualTo(409));
    }

    @Test
    void anotherAuthModeIsRefused() {
        GnocchiClient headersOnly =
                new GnocchiClient(GnocchiConfig.of(data().baseUri(), new NoAuth("u-1", data().projectA(), List.of())));
        ResourceSearch everything = ResourceSearch.of(data().resourceType(), ResourceQuery.all());

        assertThatThrownBy(() -> headersOnly.resources().search(everything))
                .isInstanceOf(GnocchiAccessDeniedException.class)
                .extracting(error -> ((GnocchiApiException) error).status())
                .isEqualTo(401);
    }

    @Test
    void closedPortIsAConnectionFailure() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        GnocchiClient nowhere =
                new GnocchiClient(GnocchiConfig.of(URI.create("http://127.0.0.1:" + port), new BasicAuth("admin"))
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> nowhere.metrics().get(data().cpuMetrics().get(0)))
                .isInstanceOf(GnocchiConnectionException.class);
    }
}
