package io.meterflow.gnocchiclient.archivepolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterflow.gnocchiclient.error.GnocchiResponseException;
import io.meterflow.gnocchiclient.internal.GnocchiJson;
import io.meterflow.gnocchiclient.internal.PythonTimedelta;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArchivePolicyJsonTest {

    @Test
    void readsAPolicyAsGnocchiPrintsIt() throws Exception {
        // GET /v1/archive_policy/low on Gnocchi 4.4 (its built-in "low" policy).
        ArchivePolicy low = ArchivePolicyClient.read(GnocchiJson.newMapper().readTree("""
                {"name": "low", "back_window": 0, "aggregation_methods": ["mean", "max", "min", "sum", "count", "std"],
                 "definition": [{"timespan": "30 days, 0:00:00", "granularity": "0:05:00", "points": 8640}]}"""));

        assertThat(low.name()).isEqualTo("low");
        assertThat(low.aggregationMethods()).contains("mean", "sum");
        assertThat(low.definition())
                .containsExactly(new ArchivePolicyItem(Duration.ofMinutes(5), 8640, Duration.ofDays(30)));
        assertThat(low.level(Duration.ofMinutes(5))).isPresent();
        assertThat(low.level(Duration.ofHours(1))).isEmpty();
    }

    @Test
    void readsPythonTimedeltas() {
        assertThat(PythonTimedelta.parse("1 day, 0:00:00")).isEqualTo(Duration.ofDays(1));
        assertThat(PythonTimedelta.parse("365 days, 0:00:00")).isEqualTo(Duration.ofDays(365));
        assertThat(PythonTimedelta.parse("1:00:00")).isEqualTo(Duration.ofHours(1));
        assertThat(PythonTimedelta.parse("0:00:00.500000")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> PythonTimedelta.parse("5 minutes")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnreadablePolicyIsAResponseError() throws Exception {
        assertThatThrownBy(
                        () -> ArchivePolicyClient.read(GnocchiJson.newMapper().readTree("""
                {"name": "odd", "back_window": 0, "aggregation_methods": [],
                 "definition": [{"timespan": "forever", "granularity": "0:05:00", "points": 1}]}""")))
                .isInstanceOf(GnocchiResponseException.class)
                .hasMessageContaining("odd");
    }
}
