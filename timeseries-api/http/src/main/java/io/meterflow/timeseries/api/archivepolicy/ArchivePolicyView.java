package io.meterflow.timeseries.api.archivepolicy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.meterflow.timeseries.archivepolicy.ArchivePolicy;
import io.meterflow.timeseries.time.Timespans;
import java.util.List;

/** An archive policy as Gnocchi's API shows it: durations in Python's timedelta notation. */
@JsonPropertyOrder({"name", "back_window", "definition", "aggregation_methods"})
public record ArchivePolicyView(
        String name,
        @JsonProperty("back_window") int backWindow,
        List<Item> definition,
        @JsonProperty("aggregation_methods") List<String> aggregationMethods) {

    @JsonPropertyOrder({"timespan", "granularity", "points"})
    public record Item(String timespan, String granularity, Long points) {}

    public static ArchivePolicyView of(ArchivePolicy policy) {
        List<Item> items = policy.definition().stream()
                .map(item -> new Item(
                        item.timespan() == null ? null : Timespans.toPythonString(item.timespan()),
                        Timespans.toPythonString(item.granularity()),
                        item.points()))
                .toList();
        return new ArchivePolicyView(
                policy.name(), policy.backWindow(), items, List.copyOf(policy.aggregationMethods()));
    }
}
