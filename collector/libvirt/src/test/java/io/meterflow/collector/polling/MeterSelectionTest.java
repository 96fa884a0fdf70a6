package io.meterflow.collector.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MeterSelectionTest {

    @ParameterizedTest
    @CsvSource({
        "'*', cpu, true",
        "'cpu', cpu, true",
        "'cpu', cpu_util, false",
        "'network.*', network.incoming.bytes, true",
        "'network.*', networks, false",
        "'cpu, memory.usage', memory.usage, true",
        "'cpu,disk.device.*', disk.device.read.bytes, true",
        "'cpu,disk.device.*', memory.usage, false"
    })
    void selectsNamesAndPrefixes(String patterns, String meter, boolean included) {
        assertThat(MeterSelection.parse(patterns).includes(meter)).isEqualTo(included);
    }

    @Test
    void refusesAnEmptySelectionAndAStarInTheMiddle() {
        assertThatThrownBy(() -> MeterSelection.parse(" , ")).hasMessageContaining("at least one");
        assertThatThrownBy(() -> MeterSelection.parse("net*.bytes")).hasMessageContaining("net*.bytes");
    }
}
