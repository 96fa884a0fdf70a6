package io.meterflow.reports;

import java.io.PrintStream;
import java.time.Clock;

/** A one-line progress bar on the console, redrawn at most ten times a second. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String what;
    private final int total;
    private final Clock clock;
    private final long startedAt;
    private long drawnAt;

    ProgressBar(PrintStream out, String what, int total, Clock clock) {
        this.out = out;
        this.what = what;
        this.total = total;
        this.clock = clock;
        this.startedAt = clock.millis();
    }

    void step(int done) {
        long now = clock.millis();
        if (done < total && now - drawnAt < 100) {
            return;
        }
        drawnAt = now;
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        double seconds = Math.max(0.001, (now - startedAt) / 1000.0);
        out.printf(
                "\r[%s%s] %d/%d %s  %.1f/s  %.0f s",
                "#".repeat(filled), ".".repeat(WIDTH - filled), done, total, what, done / seconds, seconds);
        if (done >= total) {
            out.println();
        }
        out.flush();
    }
}
