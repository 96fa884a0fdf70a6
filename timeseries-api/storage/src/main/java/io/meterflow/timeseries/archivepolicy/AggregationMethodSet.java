package io.meterflow.timeseries.archivepolicy;

import io.meterflow.timeseries.aggregation.AggregationMethod;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Resolves the {@code aggregation_methods} of an archive policy request as Gnocchi does: plain
 * names replace the defaults, {@code +m}/{@code -m} entries alone amend the defaults,
 * {@code *} means every valid method, and the {@code +}/{@code -} entries apply last.
 */
public final class AggregationMethodSet {

    private static final List<String> PLAIN = Stream.concat(
                    Stream.of("mean", "sum", "last", "max", "min", "std", "median", "first", "count"),
                    IntStream.range(1, 100).mapToObj(i -> i + "pct"))
            .toList();

    /** Every method an archive policy may hold, rate: ones included. */
    public static final List<String> ALL =
            Stream.concat(PLAIN.stream(), PLAIN.stream().map(m -> "rate:" + m)).toList();

    private AggregationMethodSet() {}

    public static boolean isValidEntry(String entry) {
        if (entry.equals("*")) {
            return true;
        }
        String name = entry.startsWith("+") || entry.startsWith("-") ? entry.substring(1) : entry;
        return AggregationMethod.isValid(name);
    }

    public static SortedSet<String> resolve(Collection<String> entries, Collection<String> defaults) {
        SortedSet<String> methods = new TreeSet<>();
        if (entries.contains("*")) {
            methods.addAll(ALL);
        } else if (entries.stream().allMatch(e -> e.startsWith("+") || e.startsWith("-"))) {
            methods.addAll(defaults);
        } else {
            entries.stream()
                    .filter(e -> !e.startsWith("+") && !e.startsWith("-"))
                    .forEach(methods::add);
        }
        for (String entry : entries) {
            if (entry.startsWith("-")) {
                methods.remove(entry.substring(1));
            } else if (entry.startsWith("+")) {
                methods.add(entry.substring(1));
            }
        }
        return methods;
    }
}
