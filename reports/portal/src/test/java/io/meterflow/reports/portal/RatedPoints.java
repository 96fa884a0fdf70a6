package io.meterflow.reports.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.rating.RatingApiFixture;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rated points written through the rating API's {@code POST /v2/dataframes}, as the processor
 * would have stored them: one hour per point, grouped by resource id and project.
 */
public final class RatedPoints {

    /** One rated hour of one resource. */
    public record Point(String project, String resourceId, String type, Instant hour, String qty, String price) {}

    private final List<Point> points = new ArrayList<>();

    public RatedPoints add(String project, String resourceId, String type, Instant hour, String qty, String price) {
        points.add(new Point(project, resourceId, type, hour, qty, price));
        return this;
    }

    /** Posts the points, {@code perRequest} frames (hours) at a time. */
    public void postTo(RatingApiFixture rating, int perRequest) {
        Map<Instant, List<Point>> byHour = new java.util.TreeMap<>();
        points.forEach(
                p -> byHour.computeIfAbsent(p.hour(), h -> new ArrayList<>()).add(p));
        List<Map<String, Object>> frames = new ArrayList<>();
        for (Map.Entry<Instant, List<Point>> hour : byHour.entrySet()) {
            Map<String, List<Map<String, Object>>> usage = new java.util.LinkedHashMap<>();
            for (Point p : hour.getValue()) {
                usage.computeIfAbsent(p.type(), t -> new ArrayList<>())
                        .add(Map.of(
                                "vol", Map.of("unit", p.type().equals("volume") ? "GiB" : "instance", "qty", p.qty()),
                                "rating", Map.of("price", p.price()),
                                "groupby", Map.of("id", p.resourceId(), "project_id", p.project()),
                                "metadata", Map.of()));
            }
            frames.add(Map.of(
                    "period",
                    Map.of(
                            "begin",
                            naive(hour.getKey()),
                            "end",
                            naive(hour.getKey().plusSeconds(3600))),
                    "usage",
                    usage));
            if (frames.size() == perRequest) {
                post(rating, frames);
                frames.clear();
            }
        }
        if (!frames.isEmpty()) {
            post(rating, frames);
        }
    }

    private static void post(RatingApiFixture rating, List<Map<String, Object>> frames) {
        RatingApiFixture.Reply stored = rating.post("/v2/dataframes", Map.of("dataframes", frames));
        assertThat(stored.status()).as(stored.body()).isEqualTo(204);
    }

    private static String naive(Instant instant) {
        return instant.toString().replace("Z", "");
    }
}
