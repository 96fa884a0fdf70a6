package io.meterflow.timeseries.archivepolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.meterflow.timeseries.aggregation.Aggregation;
import io.meterflow.timeseries.aggregation.AggregationMethod;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** An archive policy as a value: its invariants and the aggregates it stores. */
class ArchivePolicyTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;

    @Test
    void rejectsTwoItemsOfTheSameGranularity() {
        List<ArchivePolicyItem> items =
                List.of(ArchivePolicyItem.of(MINUTE, 10L, null), ArchivePolicyItem.of(MINUTE, null, HOUR));

        assertThatThrownBy(() -> new ArchivePolicy("p", 0, items, new TreeSet<>(List.of("mean"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("More than one archive policy uses granularity `60.0'");
    }

    @Test
    void storesEveryMethodAtEveryGranularityFinestFirst() {
        ArchivePolicy policy = new ArchivePolicy(
                "p",
                0,
                List.of(ArchivePolicyItem.of(HOUR, null, 365 * DAY), ArchivePolicyItem.of(MINUTE, null, 7 * DAY)),
                new TreeSet<>(List.of("mean", "rate:max")));

        assertThat(policy.definition())
                .extracting(ArchivePolicyItem::granularity)
                .containsExactly(MINUTE, HOUR);
        assertThat(policy.aggregations())
                .containsExactly(
                        new Aggregation(AggregationMethod.parse("mean"), MINUTE, 7 * DAY),
                        new Aggregation(AggregationMethod.parse("rate:max"), MINUTE, 7 * DAY),
                        new Aggregation(AggregationMethod.parse("mean"), HOUR, 365 * DAY),
                        new Aggregation(AggregationMethod.parse("rate:max"), HOUR, 365 * DAY));
        assertThat(policy.itemFor(HOUR)).isPresent();
        assertThat(policy.itemFor(5 * MINUTE)).isEmpty();
    }

    @Test
    void builtInPoliciesMatchGnocchiAndCeilometer() {
        assertThat(BuiltInArchivePolicies.all())
                .extracting(ArchivePolicy::name)
                .containsExactlyInAnyOrder(
                        "bool",
                        "low",
                        "medium",
                        "high",
                        "ceilometer-low",
                        "ceilometer-low-rate",
                        "ceilometer-high",
                        "ceilometer-high-rate");
        ArchivePolicy medium = BuiltInArchivePolicies.all().stream()
                .filter(policy -> policy.name().equals("medium"))
                .findFirst()
                .orElseThrow();
        assertThat(medium.definition())
                .containsExactly(
                        new ArchivePolicyItem(MINUTE, 10080L, 7 * DAY), new ArchivePolicyItem(HOUR, 8760L, 365 * DAY));
        assertThat(medium.aggregationMethods()).containsExactlyInAnyOrder("mean", "min", "max", "sum", "std", "count");
    }
}
