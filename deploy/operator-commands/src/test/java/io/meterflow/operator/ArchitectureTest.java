package io.meterflow.operator;

import io.meterflow.testsupport.architecture.MeterflowArchitecture;
import org.junit.jupiter.api.Test;

/** This module keeps Meterflow's structure: no package cycles, no other module's internals. */
class ArchitectureTest {

    @Test
    void keepsMeterflowsStructure() {
        MeterflowArchitecture.check("io.meterflow.operator");
    }
}
