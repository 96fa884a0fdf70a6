package io.meterflow.reports.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.rating.plan.Money;
import io.meterflow.rating.plan.Rounding;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class InvoiceCalculatorTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private final InvoiceCalculator calculator = new InvoiceCalculator(Rounding.CURRENCY_HALF_UP);

    @Test
    void roundsEachLineOnceAndDerivesTheUnitPrice() {
        InvoiceLine line = calculator.line(
                LineKind.USAGE, "instance", "", new BigDecimal("744"), "instance", Money.of("31.24800", "EUR"));
        assertThat(line.amount()).isEqualTo(Money.of("31.25", "EUR"));
        assertThat(line.unitPrice()).isEqualByComparingTo("0.042");
    }

    @Test
    void appliesDiscountThenCreditsThenTaxAsHandComputed() {
        // 120.00 + 79.99 = 199.99; 10% discount 20.00 (19.999 half up); credits 50.00;
        // taxable 129.99; 19% tax 24.6981 -> 24.70; total 154.69.
        List<InvoiceLine> lines = List.of(
                calculator.line(LineKind.USAGE, "instance", "", BigDecimal.TEN, "h", Money.of("120", "EUR")),
                calculator.line(LineKind.USAGE, "volume", "", BigDecimal.ONE, "GiB", Money.of("79.994", "EUR")));
        Totals totals =
                calculator.totals(lines, EUR, new BigDecimal("10"), Money.of("50", "EUR"), TaxTreatment.rate("19"));
        assertThat(totals.subtotal()).isEqualTo(Money.of("199.99", "EUR"));
        assertThat(totals.discount()).isEqualTo(Money.of("20.00", "EUR"));
        assertThat(totals.credits()).isEqualTo(Money.of("50.00", "EUR"));
        assertThat(totals.taxable()).isEqualTo(Money.of("129.99", "EUR"));
        assertThat(totals.tax()).isEqualTo(Money.of("24.70", "EUR"));
        assertThat(totals.total()).isEqualTo(Money.of("154.69", "EUR"));
    }

    @Test
    void creditsNeverExceedWhatRemainsAndReverseChargeTaxesNothing() {
        List<InvoiceLine> lines =
                List.of(calculator.line(LineKind.USAGE, "instance", "", BigDecimal.ONE, "h", Money.of("30", "EUR")));
        Totals totals = calculator.totals(
                lines, EUR, BigDecimal.ZERO, Money.of("100", "EUR"), new TaxTreatment.ReverseCharge());
        assertThat(totals.credits()).isEqualTo(Money.of("30.00", "EUR"));
        assertThat(totals.tax()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(totals.total()).isEqualTo(Money.of("0.00", "EUR"));
    }

    @Test
    void usesTheRatingEnginesRoundingScaleAndMode() {
        InvoiceCalculator fourDown = new InvoiceCalculator(new Rounding(OptionalInt.of(4), RoundingMode.DOWN));
        InvoiceLine line =
                fourDown.line(LineKind.USAGE, "instance", "", BigDecimal.ONE, "h", Money.of("1.23456789", "EUR"));
        assertThat(line.amount().amount()).isEqualByComparingTo("1.2345");
        assertThat(line.amount().amount().scale()).isEqualTo(4);
    }

    @Test
    void yenHasNoMinorUnit() {
        InvoiceLine line =
                calculator.line(LineKind.USAGE, "instance", "", BigDecimal.ONE, "h", Money.of("100.5", "JPY"));
        assertThat(line.amount()).isEqualTo(Money.of("101", "JPY"));
    }
}
