package io.meterflow.collector.polling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import io.meterflow.wire.Sample;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PollingCycleTest {

    private static final Clock FROZEN = Clock.fixed(Instant.parse("2024-01-15T10:00:00Z"), ZoneOffset.UTC);

    /** A resource is just its name; "gone" vanishes, "broken" fails, "off" is not to be polled. */
    private static final class Names implements ResourceSource<String> {
        final List<String> released = new ArrayList<>();
        final List<String> names;

        Names(String... names) {
            this.names = List.of(names);
        }

        @Override
        public List<Handle<String>> discover() {
            return names.stream()
                    .<Handle<String>>map(name -> new Handle<>() {
                        @Override
                        public String id() {
                            return name;
                        }

                        @Override
                        public Optional<String> load() {
                            return switch (name) {
                                case "gone" -> throw new ResourceGoneException(name, null);
                                case "broken" -> throw new IllegalStateException("libvirt said no");
                                case "off" -> Optional.empty();
                                default -> Optional.of(name);
                            };
                        }

                        @Override
                        public void release() {
                            released.add(name);
                        }
                    })
                    .toList();
        }
    }

    private record TwoMeters(String first, String second) implements Pollster<String> {
        @Override
        public List<String> meters() {
            return List.of(first, second);
        }

        @Override
        public List<Sample> poll(String resource, PollStamp stamp) {
            return List.of(sample(first, resource, stamp), sample(second, resource, stamp));
        }
    }

    private static Sample sample(String name, String resource, PollStamp stamp) {
        return new Sample(
                null,
                name,
                "gauge",
                "x",
                LongNode.valueOf(1),
                "u",
                "p",
                resource,
                stamp.timestamp(),
                JsonNodeFactory.instance.objectNode(),
                "openstack",
                stamp.cycleId());
    }

    @Test
    void aResourceThatDisappearsOrFailsMidCycleIsSkippedAndTheOthersPolled() {
        Names source = new Names("a", "gone", "b", "broken", "off", "c");
        PollingCycle<String> cycle =
                new PollingCycle<>(source, List.of(new TwoMeters("m1", "m2")), MeterSelection.all(), FROZEN, "h");

        CycleReport report = cycle.run();

        assertThat(report.samples()).extracting(Sample::resourceId).containsExactly("a", "a", "b", "b", "c", "c");
        assertThat(report.polled()).isEqualTo(3);
        assertThat(report.gone()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(source.released).containsExactly("a", "gone", "b", "broken", "off", "c");
    }

    @Test
    void onlySelectedMetersArePolledAndKept() {
        TwoMeters wanted = new TwoMeters("cpu", "cpu.delta");
        TwoMeters unwanted = new TwoMeters("memory.usage", "memory.resident");
        PollingCycle<String> cycle =
                new PollingCycle<>(new Names("a"), List.of(wanted, unwanted), MeterSelection.parse("cpu"), FROZEN, "h");

        assertThat(cycle.run().samples()).extracting(Sample::name).containsExactly("cpu");
        assertThat(PollingCycle.selected(List.of(wanted, unwanted), MeterSelection.parse("cpu")))
                .containsExactly(wanted);
    }

    @Test
    void allSamplesOfACycleShareItsTimestampAndId() {
        CycleReport report = new PollingCycle<>(
                        new Names("a", "b"), List.of(new TwoMeters("m1", "m2")), MeterSelection.all(), FROZEN, "h")
                .run();

        assertThat(report.samples()).extracting(Sample::timestamp).containsOnly("2024-01-15T10:00:00.000000+00:00");
        assertThat(report.samples())
                .extracting(Sample::messageId)
                .containsOnly(report.stamp().cycleId());
    }

    @Test
    void readsResourcesOnSeveralThreadsKeepingTheListingsOrder() {
        PollingCycle<String> cycle = new PollingCycle<>(
                new Names("a", "gone", "b", "c", "d", "e"),
                List.of(new TwoMeters("m1", "m2")),
                MeterSelection.all(),
                FROZEN,
                "h");
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            CycleReport report = cycle.run(threads);

            assertThat(report.samples())
                    .extracting(Sample::resourceId)
                    .containsExactly("a", "a", "b", "b", "c", "c", "d", "d", "e", "e");
            assertThat(report.gone()).isEqualTo(1);
        } finally {
            threads.shutdownNow();
        }
    }
}
