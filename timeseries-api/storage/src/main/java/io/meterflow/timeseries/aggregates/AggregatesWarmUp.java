package io.meterflow.timeseries.aggregates;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.dropwizard.lifecycle.Managed;
import io.meterflow.timeseries.aggregation.TimeSeries;
import io.meterflow.timeseries.archivepolicy.ArchivePolicy;
import io.meterflow.timeseries.archivepolicy.ArchivePolicyItem;
import io.meterflow.timeseries.metric.Metric;
import io.meterflow.timeseries.split.SplitCodec;
import io.meterflow.timeseries.storage.AggregateStore;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the aggregates code path on made-up series before the server takes requests.
 *
 * <p>Why: a cross-metric aggregation touches a few hundred classes no other endpoint loads, and
 * its inner loops run interpreted until the JIT has seen them. Measured on a freshly started
 * server, the first {@code POST /v1/aggregates} over 100 metrics took 99 ms and the next fifty
 * 10–30 ms, against 6 ms once warm: every restart or deployment made the first users (a Grafana
 * dashboard, a CloudKitty run) pay that. The synthetic rounds parse the operations, decode splits,
 * align, reduce and render JSON exactly as a request does, then read a few unknown metric ids
 * through the database so the statements are prepared; nothing is written.
 */
public final class AggregatesWarmUp implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(AggregatesWarmUp.class);
    private static final long SECOND = 1_000_000_000L;
    private static final long MINUTE = 60 * SECOND;
    private static final int METRICS = 100;

    private final AggregatesProcessor processor;
    private final ObjectMapper json;
    private final int rounds;

    public AggregatesWarmUp(AggregatesProcessor processor, ObjectMapper json, int rounds) {
        if (rounds < 0) {
            throw new IllegalArgumentException("warm-up rounds cannot be negative: " + rounds);
        }
        this.processor = processor;
        this.json = json;
        this.rounds = rounds;
    }

    @Override
    public void start() throws Exception {
        if (rounds == 0) {
            return;
        }
        long started = System.nanoTime();
        Random random = new Random(rounds);
        ArchivePolicy policy = new ArchivePolicy(
                "warm-up",
                0,
                List.of(
                        new ArchivePolicyItem(SECOND, 3600L, 3600 * SECOND),
                        new ArchivePolicyItem(MINUTE, 1440L, 1440 * MINUTE)),
                new TreeSet<>(List.of("mean", "max", "min", "sum", "count", "last")));
        List<Metric> metrics = new ArrayList<>();
        for (int i = 0; i < METRICS; i++) {
            metrics.add(new Metric(UUID.randomUUID(), "warm-up", null, null, null, null, policy));
        }
        Map<AggregateStore.SeriesKey, TimeSeries> stored = storedSeries(metrics, random);
        for (int round = 0; round < rounds; round++) {
            String method = round % 2 == 0 ? "mean" : "max";
            Operation operations = OperationParser.parse(operationsOver(metrics, method));
            List<AggregatesProcessor.Reference> references = metrics.stream()
                    .map(metric -> new AggregatesProcessor.Reference(
                            metric, method, metric.id().toString()))
                    .toList();
            long granularity = round % 4 < 3 ? MINUTE : SECOND;
            Object measures = processor.compute(
                    references, stored, operations, null, null, List.of(granularity), 0, new Fill.DropNa());
            json.writeValue(OutputStream.nullOutputStream(), Map.of("measures", Map.of("aggregated", measures)));
        }
        for (int read = 0; read < 8; read++) {
            processor.run(
                    List.of(new AggregatesProcessor.Reference(
                            metrics.get(read), "mean", metrics.get(read).id().toString())),
                    OperationParser.parse(operationsOver(metrics.subList(read, read + 1), "mean")),
                    null,
                    null,
                    List.of(MINUTE),
                    0,
                    new Fill.DropNa());
        }
        LOG.info(
                "Aggregates code path warmed up in {} ms ({} rounds over {} made-up metrics)",
                (System.nanoTime() - started) / 1_000_000,
                rounds,
                METRICS);
    }

    /** 1,000 one-second points per metric and their minute means, stored as splits and read back. */
    private static Map<AggregateStore.SeriesKey, TimeSeries> storedSeries(List<Metric> metrics, Random random) {
        Map<AggregateStore.SeriesKey, TimeSeries> stored = new HashMap<>();
        long origin = 1_700_000_000L * SECOND;
        for (Metric metric : metrics) {
            for (String method : List.of("mean", "max")) {
                stored.put(
                        new AggregateStore.SeriesKey(metric.id(), method, SECOND),
                        throughSplit(series(origin, SECOND, 1000, random), SECOND));
                stored.put(
                        new AggregateStore.SeriesKey(metric.id(), method, MINUTE),
                        throughSplit(series(origin, MINUTE, 17, random), MINUTE));
            }
        }
        return stored;
    }

    private static TimeSeries series(long origin, long step, int points, Random random) {
        long[] timestamps = new long[points];
        double[] values = new double[points];
        for (int i = 0; i < points; i++) {
            timestamps[i] = origin + i * step;
            values[i] = random.nextDouble() * 100;
        }
        return new TimeSeries(timestamps, values);
    }

    private static TimeSeries throughSplit(TimeSeries series, long granularity) {
        long splitStart = series.first();
        return SplitCodec.decode(SplitCodec.encode(series, splitStart, granularity), splitStart, granularity);
    }

    private ArrayNode operationsOver(List<Metric> metrics, String method) {
        ArrayNode references = json.createArrayNode().add("metric");
        metrics.forEach(metric -> references.add(
                json.createArrayNode().add(metric.id().toString()).add(method)));
        return json.createArrayNode().add("aggregate").add(method).add(references);
    }
}
