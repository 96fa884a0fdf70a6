package io.meterflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterflow.testsupport.KafkaBroker;
import io.meterflow.testsupport.RealServices;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@RealServices
class DeploymentRegistryIT {

    private final KafkaBroker kafka;

    DeploymentRegistryIT(KafkaBroker kafka) {
        this.kafka = kafka;
    }

    @Test
    void theFirstDeploymentToClaimANamespaceKeepsItAndAnotherIsRefusedNamingBoth() {
        DeploymentRegistry registry = new DeploymentRegistry(kafka.bootstrapServers(), kafka.topic("claims"));
        DeploymentNamespace staging = new DeploymentNamespace("staging");
        Registration first = registration(staging, "db-a");
        Registration second = registration(staging, "db-b");

        registry.claim(first);
        registry.claim(first); // a restart claims again: nothing changes

        assertThatThrownBy(() -> registry.claim(second))
                .isInstanceOf(DeploymentConflictException.class)
                .hasMessageContaining(first.deploymentId().toString())
                .hasMessageContaining(second.deploymentId().toString())
                .hasMessageContaining("db-a")
                .hasMessageContaining("METERFLOW_DEPLOYMENT");
        assertThat(new DeploymentRegistry(kafka.bootstrapServers(), kafka.topic("claims")).registrations())
                .containsExactly(first);

        Registration production = registration(new DeploymentNamespace("production"), "db-b");
        registry.claim(production);
        assertThat(registry.namespaces()).containsExactly(staging, production.namespace());
    }

    @Test
    void aServiceWithoutDatabaseTakesTheOnlyRegisteredNamespaceAndRefusesToGuessAmongSeveral() {
        DeploymentRegistry registry = new DeploymentRegistry(kafka.bootstrapServers(), kafka.topic("choice"));
        assertThatThrownBy(() -> NamespaceChoice.forServiceWithoutDatabase("", registry, Duration.ofSeconds(1)))
                .hasMessageContaining("METERFLOW_DEPLOYMENT");

        registry.claim(registration(DeploymentNamespace.LEGACY, "upgraded"));
        assertThat(NamespaceChoice.forServiceWithoutDatabase("", registry, Duration.ofSeconds(1)))
                .isEqualTo(DeploymentNamespace.LEGACY);

        registry.claim(registration(new DeploymentNamespace("staging"), "new"));
        assertThatThrownBy(() -> NamespaceChoice.forServiceWithoutDatabase("", registry, Duration.ofSeconds(1)))
                .isInstanceOf(DeploymentConflictException.class)
                .hasMessageContaining("'staging'")
                .hasMessageContaining("legacy");
        assertThat(NamespaceChoice.forServiceWithoutDatabase("staging", registry, Duration.ofSeconds(1))
                        .value())
                .isEqualTo("staging");
    }

    private static Registration registration(DeploymentNamespace namespace, String database) {
        return new Registration(
                namespace, UUID.randomUUID(), "host h, database " + database, Instant.parse("2026-12-06T12:00:00Z"));
    }
}
