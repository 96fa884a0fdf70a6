package io.meterflow.rating.hashmap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's repr of floats, which decides whether a field mapping's value matches. */
class PythonTextTest {

    @ParameterizedTest
    @CsvSource({
        "2.0, 2.0",
        "0.1, 0.1",
        "100.0, 100.0",
        "1234.5, 1234.5",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "1e16, 1e+16",
        "1e15, 1000000000000000.0",
        "123456789012345678, 1.2345678901234568e+17",
        "-2.5, -2.5",
        "0.30000000000000004, 0.30000000000000004",
        "1e-300, 1e-300",
        "5e-324, 5e-324",
        "1.7976931348623157e308, 1.7976931348623157e+308"
    })
    void writesFloatsAsPythonsReprDoes(double value, String python) {
        assertThat(PythonText.floatRepr(value)).isEqualTo(python);
    }
}
