package io.meterflow.collector.polling.compute;

/** The libvirt reads a compute pollster needs; a cycle makes only those its pollsters ask for. */
public enum Inspection {
    /** {@code virDomainGetVcpus}: per-vcpu time. */
    VCPUS,
    /** {@code virDomainMemoryStats}. */
    MEMORY,
    /** {@code virDomainBlockStats} per disk. */
    BLOCK_STATS,
    /** {@code virDomainGetBlockInfo} per disk. */
    BLOCK_INFO,
    /** {@code virDomainInterfaceStats} per interface. */
    INTERFACES
}
