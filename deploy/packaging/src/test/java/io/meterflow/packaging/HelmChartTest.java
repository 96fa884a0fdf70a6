package io.meterflow.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The chart through Helm itself (helm-java embeds Helm's Go library): {@code helm lint --strict},
 * {@code helm template} with the default values and with a production-like values file, every
 * rendered object bound to Kubernetes' API types ({@link KubernetesManifests}), then the facts the
 * chart promises.
 */
class HelmChartTest {

    private static final Path CHART = Path.of("src/main/helm/meterflow");
    private static final Path PRODUCTION_VALUES = Path.of("src/test/resources/values-production.yaml");
    private static final List<String> DEPLOYMENTS =
            List.of("timeseries-api", "aggregator", "collector", "rating", "reports");
    private static final Pattern HEAP = Pattern.compile("-Xmx(\\d+)([mMgG])");

    @Test
    void lintsCleanInStrictMode() {
        LintResult lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed())
                .as("helm lint --strict: %s", lint.getMessages())
                .isFalse();
        assertThat(lint.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }

    @Test
    void defaultValuesRenderOnlyObjectsKubernetesAccepts() throws Exception {
        KubernetesManifests manifests = renderAndKeep(template(), "default");

        for (String component : DEPLOYMENTS) {
            manifests.get(Deployment.class, "meterflow-" + component);
            manifests.get(ConfigMap.class, "meterflow-" + component);
        }
        manifests.get(DaemonSet.class, "meterflow-poller");
        manifests.get(Secret.class, "meterflow-credentials");
        assertThat(manifests.ofKind(Service.class))
                .extracting(s -> s.getMetadata().getName())
                .containsExactlyInAnyOrder("meterflow-timeseries-api", "meterflow-rating", "meterflow-reports");
        assertThat(manifests.ofKind(PodDisruptionBudget.class)).isEmpty();
        assertThat(manifests.ofKind(HorizontalPodAutoscaler.class)).isEmpty();
    }

    @Test
    void productionValuesRenderKeystoneExistingSecretAndMoreReplicas() throws Exception {
        KubernetesManifests manifests = renderAndKeep(template().withValuesFile(PRODUCTION_VALUES), "production");

        assertThat(manifests.ofKind(Secret.class))
                .as("existingSecret: the chart makes none")
                .isEmpty();
        for (PodSpec pod : podSpecs(manifests).values()) {
            for (EnvVar env : pod.getContainers().get(0).getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("meterflow-prod");
                }
            }
        }
        assertThat(env(manifests, "rating"))
                .containsEntry("METERFLOW_AUTH_MODE", "keystone")
                .containsEntry("METERFLOW_KEYSTONE_URL", "https://keystone.example.org:5000/v3");
        assertThat(env(manifests, "reports")).containsKey("METERFLOW_KEYSTONE_URL");
        assertThat(manifests
                        .get(Deployment.class, "meterflow-aggregator")
                        .getSpec()
                        .getReplicas())
                .isEqualTo(8);
        assertThat(env(manifests, "aggregator")).containsEntry("METERFLOW_MEASURES_PARTITIONS", "16");
        assertThat(manifests
                        .get(Deployment.class, "meterflow-timeseries-api")
                        .getSpec()
                        .getReplicas())
                .as("autoscaled: the HPA owns the replica count")
                .isNull();
        assertThat(manifests.ofKind(HorizontalPodAutoscaler.class)).hasSize(1);
        assertThat(manifests.ofKind(PodDisruptionBudget.class))
                .extracting(p -> p.getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "meterflow-timeseries-api", "meterflow-aggregator", "meterflow-rating", "meterflow-reports");
        assertThat(manifests.get(ConfigMap.class, "meterflow-files").getData()).containsKey("meters.yaml");
    }

    @Test
    void pollerIsADaemonSetOnComputeNodesWithTheHostsLibvirtSocket() throws Exception {
        DaemonSet poller = render(template()).get(DaemonSet.class, "meterflow-poller");
        PodSpec pod = poller.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);

        assertThat(pod.getNodeSelector()).containsEntry("openstack-compute-node", "enabled");
        assertThat(pod.getVolumes())
                .filteredOn(v -> v.getHostPath() != null)
                .extracting(v -> v.getHostPath().getPath())
                .containsExactly("/var/run/libvirt");
        assertThat(container.getVolumeMounts())
                .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/var/run/libvirt"));
        assertThat(container.getArgs()).containsExactly("collector");
        assertThat(container.getEnv())
                .filteredOn(e -> e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null)
                .extracting(
                        e -> e.getName() + "=" + e.getValueFrom().getFieldRef().getFieldPath())
                .containsExactly("METERFLOW_POLLING_HOST=spec.nodeName");
        assertThat(env(render(template()), "poller"))
                .containsEntry("METERFLOW_POLLING", "only")
                .containsEntry("METERFLOW_POLLING_URI", "qemu:///system");
    }

    @Test
    void everyContainerIsProbedOnTheAdminHealthChecksAndHasAHeapWithinItsLimit() throws Exception {
        for (Path values : List.of(Path.of("src/main/helm/meterflow/values.yaml"), PRODUCTION_VALUES)) {
            KubernetesManifests manifests = render(template().withValuesFile(values));
            podSpecs(manifests).forEach((component, pod) -> {
                Container container = pod.getContainers().get(0);
                assertThat(container.getReadinessProbe().getHttpGet().getPath())
                        .as(component)
                        .isEqualTo("/admin/healthcheck");
                assertThat(container.getLivenessProbe().getHttpGet().getPath())
                        .as(component)
                        .isEqualTo("/admin/ping");
                assertThat(container.getStartupProbe()).as(component).isNotNull();
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation())
                        .isFalse();

                String javaOpts = env(manifests, component).get("METERFLOW_JAVA_OPTS");
                Matcher heap = HEAP.matcher(javaOpts == null ? "" : javaOpts);
                assertThat(heap.find())
                        .as("%s sets -Xmx: %s", component, javaOpts)
                        .isTrue();
                long heapBytes =
                        Long.parseLong(heap.group(1)) * (heap.group(2).equalsIgnoreCase("g") ? 1L << 30 : 1L << 20);
                Quantity limit = container.getResources().getLimits().get("memory");
                assertThat(limit).as("%s has a memory limit", component).isNotNull();
                BigDecimal limitBytes = Quantity.getAmountInBytes(limit);
                assertThat(BigDecimal.valueOf(heapBytes).multiply(BigDecimal.valueOf(3)))
                        .as("%s: heap %s at most two thirds of the %s limit", component, javaOpts, limit)
                        .isLessThanOrEqualTo(limitBytes.multiply(BigDecimal.valueOf(2)));
            });
        }
    }

    @Test
    void credentialsStayInTheSecretNeverInConfigMaps() throws Exception {
        KubernetesManifests manifests = render(template()
                .set("database.password", "db-pass-4711")
                .set("amqp.url", "amqp://meterflow:amqp-pass-4711@rabbitmq:5672/%2F")
                .set("keystone.enabled", true)
                .set("keystone.url", "https://keystone:5000/v3")
                .set("keystone.password", "ks-pass-4711")
                .set("portal.linkSecret", "portal-secret-4711-portal-secret-4711"));

        for (ConfigMap config : manifests.ofKind(ConfigMap.class)) {
            assertThat(config.getData().toString()).doesNotContain("4711");
        }
        podSpecs(manifests)
                .forEach((component, pod) -> assertThat(
                                pod.getContainers().get(0).getEnv())
                        .allSatisfy(e -> assertThat(e.getValue()).as(component).isNull()));
        Map<String, String> secret =
                manifests.get(Secret.class, "meterflow-credentials").getStringData();
        assertThat(secret.get("timeseries-database-url"))
                .isEqualTo("jdbc:postgresql://meterflow-postgresql:5432/meterflow_timeseries"
                        + "?user=meterflow&password=db-pass-4711");
        assertThat(secret).containsEntry("keystone-password", "ks-pass-4711");
    }

    @Test
    void aggregatorThreadsBeyondThePartitionsAreRefused() throws Exception {
        Map<String, String> aggregator = env(render(template()), "aggregator");
        int replicas = render(template())
                .get(Deployment.class, "meterflow-aggregator")
                .getSpec()
                .getReplicas();
        assertThat(replicas * Integer.parseInt(aggregator.get("METERFLOW_AGGREGATOR_THREADS")))
                .isEqualTo(Integer.parseInt(aggregator.get("METERFLOW_MEASURES_PARTITIONS")));
        assertThat(aggregator).containsEntry("METERFLOW_AGGREGATOR_PORT", "8044");
        assertThat(env(render(template()), "timeseries-api")).containsEntry("METERFLOW_AGGREGATOR_IN_PROCESS", "false");

        assertThatThrownBy(() -> template().set("aggregator.replicas", 5).call())
                .hasMessageContaining("exceeds kafka.measuresPartitions");
    }

    @Test
    void valuesTheServicesWouldRefuseAreRefusedByTheChartsSchema() {
        assertThatThrownBy(() ->
                        template().set("timeseriesApi.authMode", "keystone").call())
                .hasMessageContaining("authMode");
        assertThatThrownBy(() -> template().set("aggregator.javaOpts", "-Xms1g").call())
                .hasMessageContaining("javaOpts");
        assertThatThrownBy(() -> template().set("timeseriesAPI.replicas", 3).call())
                .as("a misspelt key")
                .hasMessageContaining("timeseriesAPI");
        assertThatThrownBy(
                        () -> template().set("portal.linkSecret", "too-short").call())
                .hasMessageContaining("linkSecret");
    }

    private static TemplateCommand template() {
        // A Kubernetes of the supported range (the chart asks for 1.25 or later; helm template assumes 1.20).
        return new Helm(CHART)
                .template()
                .withName("meterflow")
                .withNamespace("metering")
                .withKubeVersion("1.31.0");
    }

    private static KubernetesManifests render(TemplateCommand command) throws Exception {
        return KubernetesManifests.parse(command.call());
    }

    /** Renders, and keeps what was rendered in target/ for a person to read. */
    private static KubernetesManifests renderAndKeep(TemplateCommand command, String name) throws Exception {
        String rendered = command.call();
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "helm-template-" + name + ".yaml"), rendered);
        return KubernetesManifests.parse(rendered);
    }

    /** The pod spec of every workload, by component. */
    private static Map<String, PodSpec> podSpecs(KubernetesManifests manifests) {
        Map<String, PodSpec> pods = new LinkedHashMap<>();
        for (Deployment deployment : manifests.ofKind(Deployment.class)) {
            pods.put(
                    component(deployment.getMetadata().getName()),
                    deployment.getSpec().getTemplate().getSpec());
        }
        for (DaemonSet daemonSet : manifests.ofKind(DaemonSet.class)) {
            pods.put(
                    component(daemonSet.getMetadata().getName()),
                    daemonSet.getSpec().getTemplate().getSpec());
        }
        assertThat(pods).containsKeys("timeseries-api", "aggregator", "collector", "poller", "rating", "reports");
        return pods;
    }

    private static String component(String name) {
        return name.substring("meterflow-".length());
    }

    /** The environment the component's ConfigMap gives it. */
    private static Map<String, String> env(KubernetesManifests manifests, String component) {
        return manifests.get(ConfigMap.class, "meterflow-" + component).getData();
    }
}
