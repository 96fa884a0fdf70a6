package io.meterflow.reports.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InvoiceStatusTest {

    @Test
    void aDraftIsIssuedOrSkippedWhenItTotalsZero() {
        assertThat(InvoiceStatus.DRAFT.after(InvoiceAction.ISSUE, false)).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(InvoiceStatus.DRAFT.after(InvoiceAction.ISSUE, true)).isEqualTo(InvoiceStatus.SKIPPED);
    }

    @Test
    void anIssuedInvoiceIsPaidVoidedOrCreditedButNeverRecomputed() {
        assertThat(InvoiceStatus.ISSUED.allowedActions())
                .containsExactlyInAnyOrder(InvoiceAction.MARK_PAID, InvoiceAction.VOID, InvoiceAction.CREDIT);
        assertThatThrownBy(() -> InvoiceStatus.ISSUED.after(InvoiceAction.RECOMPUTE, false))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("an issued invoice cannot be recomputed".substring(3));
        assertThatThrownBy(() -> InvoiceStatus.PAID.after(InvoiceAction.VOID, false))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(InvoiceStatus.VOIDED.allowedActions()).isEmpty();
        assertThat(InvoiceStatus.SKIPPED.allowedActions()).isEmpty();
    }
}
