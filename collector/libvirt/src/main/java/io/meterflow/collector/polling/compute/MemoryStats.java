package io.meterflow.collector.polling.compute;

/**
 * The balloon statistics Ceilometer reads, in KiB; null where the driver did not report one.
 */
public record MemoryStats(Long available, Long unused, Long usable, Long rss, Long swapIn, Long swapOut) {}
