package io.meterflow.rating.processor;

import io.dropwizard.lifecycle.Managed;
import io.meterflow.rating.collect.CollectException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs processing passes for as long as the service runs, one every {@code interval} (CloudKitty
 * sleeps a whole period; a shorter interval rates a period soon after it becomes due). Stopping
 * lets the periods in flight finish: each is one transaction, so even a kill loses nothing.
 */
public final class ProcessorLoop implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorLoop.class);

    private final Processor processor;
    private final ExecutorService workers;
    private final Duration interval;
    private final CompletableFuture<?> start;
    private final Thread thread;
    private volatile boolean running;

    public ProcessorLoop(Processor processor, ExecutorService workers, Duration interval) {
        this(processor, workers, interval, CompletableFuture.completedFuture(null));
    }

    /** A loop whose first pass waits for {@code start}: until then nothing is rated. */
    public ProcessorLoop(Processor processor, ExecutorService workers, Duration interval, CompletionStage<?> start) {
        this.processor = processor;
        this.workers = workers;
        this.interval = interval;
        this.start = start.toCompletableFuture();
        this.thread = new Thread(this::loop, "rating-processor");
        this.thread.setDaemon(true);
    }

    @Override
    public void start() {
        running = true;
        thread.start();
    }

    @Override
    public void stop() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(30));
        workers.shutdown();
        if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
            workers.shutdownNow();
        }
    }

    private void loop() {
        if (!start.isDone()) {
            LOG.info("Rating waits until the data it rates is loaded");
            try {
                start.get();
            } catch (InterruptedException e) {
                return;
            } catch (ExecutionException e) {
                LOG.error("Rating does not start: loading its data failed", e.getCause());
                return;
            }
        }
        while (running) {
            try {
                Processor.PassResult pass = processor.runPass(() -> running, Processor.Progress.NONE);
                if (pass.periods() > 0 || pass.failedScopes() > 0) {
                    LOG.info(
                            "Rated {} periods ({} points) of {} scopes in {} ms; {} scopes failed",
                            pass.periods(),
                            pass.points(),
                            pass.scopes(),
                            pass.took().toMillis(),
                            pass.failedScopes());
                }
            } catch (CollectException e) {
                LOG.warn("No processing pass: {}", e.getMessage());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Processing pass failed; the next one starts after the interval", e);
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
