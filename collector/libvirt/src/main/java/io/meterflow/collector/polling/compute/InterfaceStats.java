package io.meterflow.collector.polling.compute;

/** {@code virDomainInterfaceStats} of one interface: cumulative counters. */
public record InterfaceStats(
        long rxBytes,
        long rxPackets,
        long rxErrors,
        long rxDrop,
        long txBytes,
        long txPackets,
        long txErrors,
        long txDrop) {}
