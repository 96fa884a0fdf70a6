package io.meterflow.collector.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import io.meterflow.collector.meter.DefaultMeterDefinitions;
import io.meterflow.collector.meter.MeterDefinitionLoader;
import io.meterflow.collector.meter.MeterDefinitions;
import io.meterflow.collector.notification.EnvelopeParser;
import io.meterflow.collector.notification.NovaFormat;
import io.meterflow.collector.notification.NovaTwins;
import io.meterflow.collector.resource.ResourceLifecycle;
import io.meterflow.wire.ResourceEventCodec;
import io.meterflow.wire.SampleCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProcessingWarmUpTest {

    private static final ObjectMapper JSON = Jackson.newObjectMapper();

    @Test
    void bundledNotificationsAreWellFormedAndMostlyMetered() throws Exception {
        NotificationProcessor processor = processor();
        List<byte[]> bodies = ProcessingWarmUp.bundledNotifications();

        List<Outcome> outcomes = bodies.stream().map(processor::process).toList();
        Map<String, Long> kinds = outcomes.stream()
                .collect(Collectors.groupingBy(o -> o.getClass().getSimpleName(), Collectors.counting()));

        assertThat(bodies).hasSizeGreaterThan(40);
        assertThat(kinds.get("Metered")).isGreaterThan(30L);
        // The rest are kinds real traffic carries too: no definition for them, or the twin of a Nova event.
        assertThat(outcomes)
                .filteredOn(o -> o instanceof Outcome.DeadLetter)
                .allSatisfy(o -> assertThat(((Outcome.DeadLetter) o).reason()).startsWith("no meter definition"));
    }

    @Test
    void warmUpRunsUntilItsBudgetWhileTheCompilerIsBusyAndLeavesNothingBehind() throws Exception {
        NotificationProcessor processor = processor();
        long started = System.nanoTime();
        // A compiler busy all along: its time grows as fast as the clock.
        ProcessingWarmUp warmUp = new ProcessingWarmUp(
                processor,
                new SampleCodec(JSON),
                new ResourceEventCodec(JSON),
                ProcessingWarmUp.bundledNotifications(),
                Duration.ofMillis(1500),
                () -> (System.nanoTime() - started) / 1_000_000,
                Clock.systemUTC());

        warmUp.start();

        // The budget in the warm-up clock's whole milliseconds (see below), less one tick of slack.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1490));
        // Nothing was marked done: the same notifications are metered again, not skipped as repeats.
        assertThat(processor.process(ProcessingWarmUp.bundledNotifications().get(0)))
                .isInstanceOf(Outcome.Metered.class);
    }

    @Test
    void warmUpStopsOnceTheCompilerHasCaughtUp() throws Exception {
        ProcessingWarmUp warmUp = new ProcessingWarmUp(
                processor(),
                new SampleCodec(JSON),
                new ResourceEventCodec(JSON),
                ProcessingWarmUp.bundledNotifications(),
                Duration.ofSeconds(30),
                () -> 0,
                Clock.systemUTC());

        long started = System.nanoTime();
        warmUp.start();

        // At least its one-second minimum, as the warm-up's clock counts it: whole milliseconds of the
        // wall clock, which a nanosecond timer can see as 999.7 ms (CI did once).
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(Duration.ofMillis(990), Duration.ofSeconds(5));
    }

    private static NotificationProcessor processor() throws Exception {
        MeterDefinitions definitions = new MeterDefinitionLoader(JSON)
                .load(DefaultMeterDefinitions.sources(List.of()))
                .definitions();
        return new NotificationProcessor(
                new EnvelopeParser(JSON),
                definitions,
                new ResourceLifecycle(),
                NovaFormat.BOTH,
                new NovaTwins(1000),
                new MessageLedger(1000),
                true);
    }
}
