package io.meterflow.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The validation the chart's tests rely on refuses what the API server would refuse. */
class KubernetesManifestsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: api
            spec:
              selector:
                matchLabels: {app: api}
              template:
                metadata:
                  labels: {app: api}
                spec:
                  containers:
                    - name: api
                      image: meterflow:1
                      %s
            """;

    @Test
    void bindsAValidDeployment() throws Exception {
        KubernetesManifests manifests = KubernetesManifests.parse(
                "---\n" + DEPLOYMENT.formatted("readinessProbe: {httpGet: {path: /admin/healthcheck, port: http}}"));

        assertThat(manifests
                        .get(Deployment.class, "api")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .get(0)
                        .getReadinessProbe()
                        .getHttpGet()
                        .getPath())
                .isEqualTo("/admin/healthcheck");
    }

    @Test
    void refusesAMisspeltField() {
        assertThatThrownBy(() -> KubernetesManifests.parse(
                        DEPLOYMENT.formatted("readinesProbe: {httpGet: {path: /admin/healthcheck, port: http}}")))
                .hasMessageContaining("readinesProbe");
    }

    @Test
    void refusesANumberWhereKubernetesWantsAString() {
        assertThatThrownBy(() -> KubernetesManifests.parse(DEPLOYMENT.formatted("env: [{name: PORT, value: 8041}]")))
                .hasMessageContaining("apps/v1/Deployment");
    }

    @Test
    void refusesAnUnknownKindOrVersion() {
        assertThatThrownBy(() ->
                        KubernetesManifests.parse(DEPLOYMENT.formatted("").replace("apps/v1", "extensions/v1beta1")))
                .hasMessageContaining("unexpected kind extensions/v1beta1/Deployment");
    }

    @Test
    void refusesAnInvalidName() {
        assertThatThrownBy(() ->
                        KubernetesManifests.parse(DEPLOYMENT.formatted("").replace("name: api\n", "name: Api_1\n")))
                .hasMessageContaining("no valid name");
    }
}
