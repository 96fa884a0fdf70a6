package io.meterflow.testsupport;

import io.meterflow.testsupport.architecture.MeterflowArchitecture;
import org.junit.jupiter.api.Test;

/**
 * This module keeps Meterflow's structure, and so do the single-node Kafka broker it starts
 * (deploy/embedded-kafka) and the single-node defaults that broker implements (deploy/single-node):
 * this module depends on them, so they cannot depend on it and are checked from here.
 */
class ArchitectureTest {

    @Test
    void keepsMeterflowsStructure() {
        MeterflowArchitecture.check("io.meterflow.testsupport");
    }

    @Test
    void theModulesItDependsOnKeepItToo() {
        MeterflowArchitecture.checkOnClassPath("io.meterflow.embeddedkafka");
        MeterflowArchitecture.checkOnClassPath("io.meterflow.singlenode");
    }
}
