package io.meterflow.reports.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceNumberFormatTest {

    @ParameterizedTest
    @CsvSource({
        "MF-{YYYY}{MM}-{SEQ:6}, 42, MF-202612-000042",
        "{YY}/{SEQ}, 1234567, 26/1234567",
        "INV{SEQ:3}, 12345, INV12345",
    })
    void formatsTheCounterWithTheIssueDate(String pattern, long counter, String expected) {
        assertThat(new InvoiceNumberFormat(pattern).format(counter, LocalDate.of(2026, 12, 7)))
                .isEqualTo(expected);
    }

    @Test
    void refusesPatternsWithoutExactlyOneCounterOrWithUnknownTokens() {
        assertThatThrownBy(() -> new InvoiceNumberFormat("INV-{YYYY}")).hasMessageContaining("exactly one {SEQ}");
        assertThatThrownBy(() -> new InvoiceNumberFormat("{SEQ}{SEQ}")).hasMessageContaining("has 2");
        assertThatThrownBy(() -> new InvoiceNumberFormat("{DD}-{SEQ}")).hasMessageContaining("only letters");
    }
}
