package io.meterflow.rating;

import io.dropwizard.core.cli.EnvironmentCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.meterflow.rating.processor.Processor;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import net.sourceforge.argparse4j.inf.Namespace;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * {@code meterflow-rating process [CONFIG]}: one processing pass in the foreground, every due
 * period of every scope and the pending reprocessing schedules, with progress on stderr; then it
 * exits. For catching up by hand, cron, and the benchmark; the server runs the same passes in a loop.
 */
final class ProcessCommand extends EnvironmentCommand<RatingConfiguration> {

    private final RatingApplication application;

    ProcessCommand(RatingApplication application) {
        super(application, "process", "Rates every due period of every scope once, then exits");
        this.application = application;
    }

    @Override
    protected void run(Bootstrap<RatingConfiguration> bootstrap, Namespace namespace, RatingConfiguration configuration)
            throws Exception {
        application.processInForeground();
        super.run(bootstrap, namespace, configuration);
    }

    @Override
    protected void run(Environment environment, Namespace namespace, RatingConfiguration configuration)
            throws Exception {
        PrintStream out = System.err;
        long started = System.nanoTime();
        long[] lastPrint = {0};
        try {
            Processor.PassResult pass = application.processor().runPass(() -> true, (done, of, periods, points) -> {
                long now = System.nanoTime();
                synchronized (lastPrint) {
                    if (done == of || now - lastPrint[0] > 1_000_000_000L) {
                        lastPrint[0] = now;
                        out.printf(
                                Locale.ROOT,
                                "rating: %d/%d scopes, %d periods, %d points, %.1f s%n",
                                done,
                                of,
                                periods,
                                points,
                                (now - started) / 1e9);
                    }
                }
            });
            out.printf(
                    Locale.ROOT,
                    "rated %d periods, %d points, %d scopes (%d failed, see the log) in %.2f s: %.0f points/s%n",
                    pass.periods(),
                    pass.points(),
                    pass.scopes(),
                    pass.failedScopes(),
                    pass.took().toNanos() / 1e9,
                    pass.points() / Math.max(1e-9, pass.took().toNanos() / 1e9));
        } finally {
            // Nothing was started by a server: stop what the application registered (pool, embedded database).
            List<LifeCycle> managed = new ArrayList<>(environment.lifecycle().getManagedObjects());
            Collections.reverse(managed);
            for (LifeCycle lifeCycle : managed) {
                lifeCycle.stop();
            }
        }
    }
}
