package io.meterflow.rating.hashmap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.rating.dataframe.DataPoint;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rating step alone, as {@code rating-engine/bench/rating-benchmark.sh} compares it with
 * CloudKitty's {@code HashMap.process}: the same rules and points, each project's rules loaded
 * once and its points rated frame by frame (per rating type), as CloudKitty processes a frame;
 * only the pricing timed, on one thread, best of the runs after the JIT has warmed. Prints one
 * JSON line.
 *
 * <p>Usage: {@code HashMapBenchmark RULES.json POINTS.jsonl [runs]}
 */
public final class HashMapBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HashMapBenchmark() {}

    /** One project's points of one rating type: what a frame holds under one usage key. */
    record Batch(String type, List<DataPoint> points, HashMapRater rater) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: HashMapBenchmark RULES.json POINTS.jsonl [runs]");
            System.exit(2);
        }
        JsonNode rulesFile = JSON.readTree(Files.readString(Path.of(args[0])));
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        ServiceCatalog catalog = CloudKittyFixtures.catalog(rulesFile);
        List<HashMapRule> rules = CloudKittyFixtures.rules(rulesFile);
        Map<String, HashMapRater> raters = new LinkedHashMap<>();
        Map<String, Batch> batches = new LinkedHashMap<>();
        int count = 0;
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            JsonNode p = JSON.readTree(line);
            String scope = p.get("scope").asText();
            String type = p.get("type").asText();
            Map<String, Object> groupby = new LinkedHashMap<>();
            groupby.put("id", p.get("id").asText());
            groupby.put("project_id", scope);
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = JSON.convertValue(p.get("metadata"), Map.class);
            DataPoint point = DataPoint.unrated(
                    p.path("unit").asText("unit"), new BigDecimal(p.get("qty").asText()), groupby, metadata);
            HashMapRater rater = raters.computeIfAbsent(
                    scope, s -> new HashMapRater(HashMapRules.forTenant(catalog, rules, Optional.of(s))));
            batches.computeIfAbsent(scope + "/" + type, k -> new Batch(type, new ArrayList<>(), rater))
                    .points()
                    .add(point);
            count++;
        }
        long best = Long.MAX_VALUE;
        BigDecimal sum = BigDecimal.ZERO;
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            List<List<DataPoint>> rated = new ArrayList<>(batches.size());
            for (Batch batch : batches.values()) {
                rated.add(batch.rater().rate(batch.type(), batch.points()));
            }
            long elapsed = System.nanoTime() - started;
            best = Math.min(best, elapsed);
            sum = rated.stream().flatMap(List::stream).map(DataPoint::price).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        double seconds = best / 1e9;
        System.out.printf(
                "{\"engine\": \"meterflow-hashmap\", \"points\": %d, \"runs\": %d, \"best_s\": %.4f,"
                        + " \"points_per_s\": %d, \"price_sum\": \"%s\"}%n",
                count,
                runs,
                seconds,
                Math.round(count / seconds),
                sum.stripTrailingZeros().toPlainString());
    }
}
