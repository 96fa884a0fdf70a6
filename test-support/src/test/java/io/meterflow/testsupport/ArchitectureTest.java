package io.meterflow.testsupport;

import io.meterflow.testsupport.architecture.MeterflowArchitecture;
import org.junit.jupiter.api.Test;

/**
 * This module keeps Meterflow's structure, and so does the single-node Kafka broker it starts
 * (deploy/embedded-kafka), which cannot depend on this module and is checked from here.
 */
class ArchitectureTest {

    @Test
    void keepsMeterflowsStructure() {
        MeterflowArchitecture.check("io.meterflow.testsupport");
    }

    @Test
    void theEmbeddedKafkaBrokerKeepsItToo() {
        MeterflowArchitecture.checkOnClassPath("io.meterflow.embeddedkafka");
    }
}
