package io.meterflow.demo.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;

/**
 * Loads and saves {@link DemoState}, each save written to a temporary file and moved into place so
 * a crash leaves the old state or the new one, never half of one.
 */
public final class DemoStateStore {

    /** At least this much history, so the graphs and the rated hours have something at once. */
    static final Duration MINIMUM_HISTORY = Duration.ofHours(6);
    /** The hours before the first start's that are as detailed as the live activity. */
    static final Duration DETAILED_HISTORY = Duration.ofHours(2);

    private final Path file;
    private final ObjectMapper json;
    private DemoState current;

    public DemoStateStore(Path directory, ObjectMapper json) {
        this.file = directory.resolve("state.json");
        this.json = json;
    }

    /** The saved state, or a fresh one whose history starts as {@link #historyStart} says. */
    public synchronized DemoState loadOrCreate(Clock clock) {
        if (current != null) {
            return current;
        }
        if (Files.exists(file)) {
            try {
                current = json.readValue(file.toFile(), DemoState.class);
                return current;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the demo state " + file + ": " + e.getMessage(), e);
            }
        }
        DemoState fresh = DemoState.fresh(historyStart(clock.instant()), detailedFrom(clock.instant()));
        save(fresh);
        return fresh;
    }

    /** The state as last loaded or saved; loads or creates it first if needed. */
    public synchronized DemoState current(Clock clock) {
        return loadOrCreate(clock);
    }

    /** Applies a change and saves the result before returning it. */
    public synchronized DemoState update(UnaryOperator<DemoState> change) {
        if (current == null) {
            throw new IllegalStateException("the demo state is not loaded yet");
        }
        DemoState next = change.apply(current);
        save(next);
        return next;
    }

    private void save(DemoState state) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling("state.json.tmp");
            json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), state);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            current = state;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo state " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Six hours before the current hour, or six hours before today's midnight (UTC) if that is
     * earlier. The reports service invoices whole days, so a month-to-date invoice ends at today's
     * midnight: the history must reach back past it, or the first invoice would be empty.
     */
    static Instant historyStart(Instant now) {
        Instant hour = now.truncatedTo(ChronoUnit.HOURS);
        Instant midnight =
                now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
        Instant sixHoursAgo = hour.minus(MINIMUM_HISTORY);
        Instant beforeMidnight = midnight.minus(MINIMUM_HISTORY);
        return sixHoursAgo.isBefore(beforeMidnight) ? sixHoursAgo : beforeMidnight;
    }

    /**
     * Two hours before the current hour: the history before it is sent with hourly audits
     * ({@code CloudScenario}), what follows as the live activity sends it. The DemoState
     * constructor keeps it from falling before the history start.
     */
    static Instant detailedFrom(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS).minus(DETAILED_HISTORY);
    }
}
