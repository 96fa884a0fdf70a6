package io.meterflow.collector.polling.compute;

/** {@code virDomainGetBlockInfo} of one disk, in bytes. */
public record BlockInfo(long capacity, long allocation, long physical) {}
