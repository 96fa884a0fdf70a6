package io.meterflow.timeseries.aggregator;

import static io.meterflow.timeseries.GnocchiClient.point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dropwizard.testing.ConfigOverride;
import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.PostgresDatabase;
import io.meterflow.testsupport.RealServices;
import io.meterflow.timeseries.ApiFixture;
import io.meterflow.timeseries.GnocchiClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two time-series deployments, each with its own database, on one Kafka cluster with nothing
 * configured to tell them apart: the case that lost measures before deployments had namespaces
 * (the second's measures were folded by the first, which did not know the metric).
 */
@RealServices
class TwoDeploymentsOnOneKafkaIT {

    private static KafkaBroker kafka;
    private static PostgresDatabase firstDatabase;
    private static PostgresDatabase secondDatabase;
    private static ApiFixture first;
    private static ApiFixture second;

    @BeforeAll
    static void start(PostgresDatabase db, KafkaBroker broker) throws Exception {
        kafka = broker;
        firstDatabase = db;
        secondDatabase = anotherDatabase(db, db.databaseName() + "_second");
        first = ApiFixture.startAsConfigured(firstDatabase, defaults());
        second = ApiFixture.startAsConfigured(secondDatabase, defaults());
        for (ApiFixture api : List.of(first, second)) {
            api.admin()
                    .createPolicy(Map.of(
                            "name", "minute",
                            "aggregation_methods", List.of("mean", "count"),
                            "definition", List.of(Map.of("granularity", 60, "timespan", "1 day"))));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        List<String> namespaces = new ArrayList<>();
        for (ApiFixture api : new ApiFixture[] {first, second}) {
            if (api != null) {
                namespaces.add("mf-" + deploymentId(api.database()).substring(0, 8));
                api.close();
            }
        }
        deleteTopicsOf(namespaces);
        try (Connection admin = firstDatabase.connect();
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + secondDatabase.databaseName() + " WITH (FORCE)");
        }
    }

    @Test
    void eachDeploymentReadsBackExactlyWhatWasWrittenToIt() {
        GnocchiClient one = first.user("ceilometer");
        GnocchiClient two = second.user("ceilometer");
        List<String> firstMetrics = new ArrayList<>();
        List<String> secondMetrics = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            firstMetrics.add(one.createMetric("minute"));
            secondMetrics.add(two.createMetric("minute"));
        }
        for (int i = 0; i < 20; i++) {
            one.addMeasures(firstMetrics.get(i), "2024-01-15T10:00:05", 1, "2024-01-15T10:00:35", 3);
            two.addMeasures(secondMetrics.get(i), "2024-01-15T10:00:05", 10, "2024-01-15T10:01:35", 30);
        }

        for (String metric : firstMetrics) {
            assertThat(one.measures(metric, "refresh=true&aggregation=count"))
                    .containsExactly(point("2024-01-15T10:00:00+00:00", 60, 2.0));
            assertThat(one.measures(metric, "refresh=true&aggregation=mean"))
                    .containsExactly(point("2024-01-15T10:00:00+00:00", 60, 2.0));
        }
        for (String metric : secondMetrics) {
            assertThat(two.measures(metric, "refresh=true&aggregation=mean"))
                    .containsExactly(
                            point("2024-01-15T10:00:00+00:00", 60, 10.0), point("2024-01-15T10:01:00+00:00", 60, 30.0));
        }
        assertThat(first.admin()
                        .get("/v1/status")
                        .json()
                        .at("/storage/summary/measures")
                        .asLong())
                .isZero();
        assertThat(second.admin()
                        .get("/v1/status")
                        .json()
                        .at("/storage/summary/measures")
                        .asLong())
                .isZero();
    }

    @Test
    void eachDeploymentHasItsOwnTopicsNamedAfterItsDatabasesId() throws Exception {
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
        String firstId = deploymentId(firstDatabase);
        String secondId = deploymentId(secondDatabase);
        assertThat(firstId).isNotEqualTo(secondId);
        assertThat(topics)
                .contains("mf-" + firstId.substring(0, 8) + ".meterflow.measures")
                .contains("mf-" + secondId.substring(0, 8) + ".meterflow.measures")
                .doesNotContain("meterflow.measures");
    }

    @Test
    void aServiceWhoseDatabaseIsNotTheNamespacesDeploymentRefusesToStartNamingBoth() throws Exception {
        String firstId = deploymentId(firstDatabase);
        String secondId = deploymentId(secondDatabase);
        List<ConfigOverride> claimingTheFirstsTopics =
                new ArrayList<>(List.of(ConfigOverride.config("ingest.deployment", "mf-" + firstId.substring(0, 8))));
        claimingTheFirstsTopics.addAll(List.of(defaults()));

        assertThatThrownBy(() -> ApiFixture.startAsConfigured(
                        secondDatabase, claimingTheFirstsTopics.toArray(ConfigOverride[]::new)))
                .hasStackTraceContaining("belong to deployment " + firstId)
                .hasStackTraceContaining("this service's database is deployment " + secondId)
                .hasStackTraceContaining("METERFLOW_DEPLOYMENT");
    }

    /** Only what the user had: the cluster, and the class's own registry topic. */
    private static ConfigOverride[] defaults() {
        return new ConfigOverride[] {
            ConfigOverride.config("ingest.mode", "kafka"),
            ConfigOverride.config("ingest.bootstrapServers", kafka.bootstrapServers()),
            ConfigOverride.config("ingest.deploymentsTopic", KafkaMode.deploymentsTopic(kafka)),
            ConfigOverride.config("ingest.partitions", "2"),
            ConfigOverride.config("ingest.commitIntervalMs", "100"),
            ConfigOverride.config("sampleIngest.commitIntervalMs", "100"),
            ConfigOverride.config("dataDir", KafkaMode.scratchDirectory())
        };
    }

    private static PostgresDatabase anotherDatabase(PostgresDatabase db, String name) throws SQLException {
        try (Connection admin = db.connect();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        String url = db.jdbcUrl().replaceFirst("/" + db.databaseName() + "(\\?|$)", "/" + name + "$1");
        return new PostgresDatabase(url, db.user(), db.password(), name);
    }

    private static String deploymentId(PostgresDatabase database) throws SQLException {
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT id FROM deployment")) {
            row.next();
            return row.getString(1);
        }
    }

    /** The generated namespaces are not under the class's prefix: deleted here. */
    private static void deleteTopicsOf(List<String> namespaces) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            List<String> doomed = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(topic -> namespaces.stream().anyMatch(ns -> topic.startsWith(ns + ".")))
                    .toList();
            admin.deleteTopics(doomed).all().get(30, TimeUnit.SECONDS);
        }
    }
}
