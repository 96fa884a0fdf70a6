package io.meterflow.collector.polling;

/** Where a {@link PollingLoop} hands each finished cycle: the collector publishes, a test records. */
@FunctionalInterface
public interface CycleSink {

    void accept(CycleReport report);
}
