package io.meterflow.collector.polling.compute;

/** {@code virDomainBlockStats} of one disk: cumulative requests and bytes. */
public record BlockStats(long readRequests, long readBytes, long writeRequests, long writeBytes) {}
