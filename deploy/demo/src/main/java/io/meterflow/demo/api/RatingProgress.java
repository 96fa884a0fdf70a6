package io.meterflow.demo.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How far the rating engine has rated each project, from its scope states ({@code GET /v2/scope}),
 * where {@code last_processed_timestamp} is the start of the last rated period, as in CloudKitty.
 */
public final class RatingProgress {

    private static final Duration POLL = Duration.ofSeconds(2);

    private final ServiceClient rating;
    private final Duration period;
    private final Clock clock;

    public RatingProgress(ServiceClient rating, Duration period, Clock clock) {
        this.rating = rating;
        this.period = period;
        this.clock = clock;
    }

    /** Waits until every project is rated through {@code until} (the end of its last rated period). */
    public void awaitRatedThrough(List<String> projectIds, Instant until, Duration timeout)
            throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            List<String> behind = new ArrayList<>();
            try {
                ratedUntil(projectIds).forEach((project, end) -> {
                    if (end.isEmpty() || end.get().isBefore(until)) {
                        behind.add(project + " rated until "
                                + end.map(Instant::toString).orElse("(nothing yet)"));
                    }
                });
            } catch (DemoApiException e) {
                // Not answering yet (still starting) counts as not rated yet, until the deadline.
                behind.add(e.getMessage());
            }
            if (behind.isEmpty()) {
                return;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new DemoApiException(
                        "the rating engine (" + rating.base() + ") has not rated the demo projects through "
                                + until + " within " + timeout.toSeconds() + " s: " + String.join(", ", behind)
                                + ". Is its processor running (METERFLOW_RATING_PROCESSOR) with the demo's environment?");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Per project, the end of its last rated period; empty if none. */
    public Map<String, Optional<Instant>> ratedUntil(List<String> projectIds) throws InterruptedException {
        String query = projectIds.stream().map(id -> "scope_id=" + id).collect(Collectors.joining("&"));
        JsonNode results = rating.get("v2/scope?limit=1000&" + query)
                .orThrow("reading the rating scopes")
                .path("results");
        Map<String, Optional<Instant>> rated = new HashMap<>();
        projectIds.forEach(id -> rated.put(id, Optional.empty()));
        for (JsonNode scope : results) {
            String id = scope.path("scope_id").asText();
            JsonNode last = scope.path("last_processed_timestamp");
            if (rated.containsKey(id) && last.isTextual()) {
                rated.put(id, Optional.of(parse(last.asText()).plus(period)));
            }
        }
        return rated;
    }

    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // CloudKitty's naive UTC form, without an offset.
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }
}
