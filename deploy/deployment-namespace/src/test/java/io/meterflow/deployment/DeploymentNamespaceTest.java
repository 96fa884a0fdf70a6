package io.meterflow.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DeploymentNamespaceTest {

    private static final UUID ID = UUID.fromString("3f2a9c1b-0000-4000-8000-000000000001");

    @Test
    void prefixesTopicsAndGroupsButTheLegacyNamespaceKeepsTheirNames() {
        assertThat(new DeploymentNamespace("staging").name("meterflow.measures"))
                .isEqualTo("staging.meterflow.measures");
        assertThat(DeploymentNamespace.LEGACY.name("meterflow.measures")).isEqualTo("meterflow.measures");
    }

    @Test
    void aNewDatabaseGetsANamespaceFromItsIdAnUpgradedOneKeepsTheOldNames() {
        assertThat(NamespaceChoice.forDatabase("", ID, false).value()).isEqualTo("mf-3f2a9c1b");
        assertThat(NamespaceChoice.forDatabase("", ID, true)).isEqualTo(DeploymentNamespace.LEGACY);
        assertThat(NamespaceChoice.forDatabase(" prod ", ID, true).value()).isEqualTo("prod");
    }

    @Test
    void refusesWhatKafkaWouldNotTakeInATopicName() {
        for (String invalid : new String[] {"a b", "a..b", ".a", "a.", "a/b", "é", "x".repeat(121)}) {
            assertThatThrownBy(() -> new DeploymentNamespace(invalid))
                    .as(invalid)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not valid");
        }
        assertThat(new DeploymentNamespace("eu-1.prod_2").value()).isEqualTo("eu-1.prod_2");
    }
}
