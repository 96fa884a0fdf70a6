package io.meterflow.rating.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each pricing model and plan feature on hand-computed cases, tier boundaries included. */
class PlanPricerTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Instant PERIOD_END = Instant.parse("2026-02-01T00:00:00Z");
    private static final List<Tier> TIERS =
            List.of(Tier.upTo("100", "0.10"), Tier.upTo("1000", "0.08"), Tier.above("0.05"));

    private final PlanPricer pricer = new PlanPricer();

    @ParameterizedTest(name = "graduated: {0} units cost {1}")
    @CsvSource({"0, 0.00", "1, 0.10", "100, 10.00", "100.5, 10.04", "1000, 82.00", "1001, 82.05", "1500, 107.00"})
    void graduatedTiersPriceEachUnitAtItsTier(String quantity, String total) {
        assertThat(total(Charge.of("cpu", new PriceModel.Graduated(TIERS)), quantity))
                .isEqualTo(money(total));
    }

    @ParameterizedTest(name = "volume: {0} units cost {1}")
    @CsvSource({"0, 0.00", "100, 10.00", "101, 8.08", "1000, 80.00", "1000.01, 50.00", "1500, 75.00"})
    void volumeTiersPriceEveryUnitAtTheTierReached(String quantity, String total) {
        assertThat(total(Charge.of("cpu", new PriceModel.Volume(TIERS)), quantity))
                .isEqualTo(money(total));
    }

    @Test
    void aTiersFlatFeeIsChargedOnceUsageReachesIt() {
        List<Tier> withFee =
                List.of(Tier.upTo("100", "0.10"), Tier.upTo("1000", "0.08").withFlatFee("5"), Tier.above("0.05"));
        assertThat(total(Charge.of("cpu", new PriceModel.Graduated(withFee)), "100"))
                .isEqualTo(money("10.00"));
        assertThat(total(Charge.of("cpu", new PriceModel.Graduated(withFee)), "150"))
                .isEqualTo(money("19.00"));
        assertThat(total(Charge.of("cpu", new PriceModel.Volume(withFee)), "150"))
                .isEqualTo(money("17.00"));
    }

    @ParameterizedTest(name = "packages of 10 at 1.50, {1}: {0} units cost {2}")
    @CsvSource({"0, UP, 0.00", "1, UP, 1.50", "10, UP, 1.50", "10.001, UP, 3.00", "19, DOWN, 1.50", "20, DOWN, 3.00"})
    void packagesAreCountedRoundingAsConfigured(String quantity, RoundingMode packages, String total) {
        Charge charge =
                Charge.of("image.size", new PriceModel.Package(BigDecimal.TEN, new BigDecimal("1.50"), packages));
        assertThat(total(charge, quantity)).isEqualTo(money(total));
    }

    @Test
    void theAllowanceIsFreeAndShownAsALine() {
        Charge charge = Charge.of("volume.size", new PriceModel.PerUnit(new BigDecimal("0.02")))
                .withFreeUnits("100");
        assertThat(total(charge, "80")).isEqualTo(money("0.00"));
        PeriodCharge period = price(plan(charge), Map.of("volume.size", new BigDecimal("250")), List.of());
        assertThat(period.total()).isEqualTo(money("3.00"));
        assertThat(period.lines())
                .extracting(ChargeLine::kind, ChargeLine::quantity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ChargeLine.Kind.ALLOWANCE, new BigDecimal("100")),
                        org.assertj.core.groups.Tuple.tuple(ChargeLine.Kind.USAGE, new BigDecimal("150")));
    }

    @Test
    void aPercentageDiscountReducesItsChargeByARoundedLine() {
        Charge charge = Charge.of("cpu", new PriceModel.Graduated(TIERS)).withDiscountPercent("12.5");
        PeriodCharge period = price(plan(charge), Map.of("cpu", new BigDecimal("1500")), List.of());
        // 107.00 less 12.5% (13.375, rounded half up to 13.38)
        assertThat(period.lines()).last().extracting(ChargeLine::amount).isEqualTo(money("-13.38"));
        assertThat(period.total()).isEqualTo(money("93.62"));
    }

    @Test
    void usageBelowTheMinimumCommitmentIsTruedUpToIt() {
        Plan plan = new Plan(
                "committed",
                EUR,
                List.of(Charge.of("cpu", new PriceModel.PerUnit(new BigDecimal("0.25")))),
                Optional.of(Money.of("50", "EUR")),
                Rounding.CURRENCY_HALF_UP);
        PeriodCharge low = price(plan, Map.of("cpu", new BigDecimal("121")), List.of());
        assertThat(low.subtotal()).isEqualTo(money("30.25"));
        assertThat(low.lines()).last().satisfies(line -> {
            assertThat(line.kind()).isEqualTo(ChargeLine.Kind.MINIMUM_TRUE_UP);
            assertThat(line.amount()).isEqualTo(money("19.75"));
        });
        assertThat(low.total()).isEqualTo(money("50.00"));
        PeriodCharge high = price(plan, Map.of("cpu", new BigDecimal("240")), List.of());
        assertThat(high.total()).isEqualTo(money("60.00"));
        assertThat(high.lines()).noneMatch(line -> line.kind() == ChargeLine.Kind.MINIMUM_TRUE_UP);
    }

    @Test
    void prepaidCreditsAreDrawnByPriorityThenEarliestExpiryAndExpiredOnesAreNot() {
        Charge charge = Charge.of("cpu", new PriceModel.PerUnit(BigDecimal.ONE));
        List<CreditGrant> grants = List.of(
                grant("a", "20", "2026-02-15T00:00:00Z", 1),
                grant("expired", "100", "2026-01-15T00:00:00Z", 1),
                new CreditGrant("c", Money.of("30", "EUR"), Instant.parse("2025-06-01T00:00:00Z"), Optional.empty(), 0),
                grant("d", "10", "2026-03-01T00:00:00Z", 1),
                new CreditGrant(
                        "future", Money.of("500", "EUR"), Instant.parse("2026-03-01T00:00:00Z"), Optional.empty(), 0));
        PeriodCharge period = price(plan(charge), Map.of("cpu", new BigDecimal("45")), grants);
        assertThat(period.creditUses())
                .extracting(
                        PeriodCharge.CreditUse::grantId,
                        PeriodCharge.CreditUse::used,
                        PeriodCharge.CreditUse::remaining)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("c", money("30"), money("0")),
                        org.assertj.core.groups.Tuple.tuple("a", money("15.00"), money("5.00")));
        assertThat(period.total()).isEqualTo(money("0.00"));
        assertThat(period.subtotal()).isEqualTo(money("45.00"));
    }

    @Test
    void eachLineIsRoundedOnceToTheCurrencysMinorUnitOrAsConfigured() {
        Charge charge = Charge.of("cpu", new PriceModel.PerUnit(new BigDecimal("0.012345")));
        assertThat(total(charge, "7")).isEqualTo(money("0.09"));
        Plan yen = new Plan(
                "yen",
                Currency.getInstance("JPY"),
                List.of(Charge.of("cpu", new PriceModel.PerUnit(new BigDecimal("0.5")))),
                Optional.empty(),
                Rounding.CURRENCY_HALF_UP);
        assertThat(price(yen, Map.of("cpu", new BigDecimal("3")), List.of()).total())
                .isEqualTo(Money.of("2", "JPY"));
        Plan bankers = new Plan(
                "bankers",
                EUR,
                List.of(charge),
                Optional.empty(),
                new Rounding(OptionalInt.of(4), RoundingMode.HALF_EVEN));
        // 0.012345 × 5 = 0.061725, to 4 digits half even: 0.0617
        assertThat(price(bankers, Map.of("cpu", new BigDecimal("5")), List.of()).total())
                .isEqualTo(money("0.0617"));
    }

    @Test
    void tiersMustAscendAndOnlyTheLastBeOpen() {
        assertThatThrownBy(() ->
                        new PriceModel.Graduated(List.of(Tier.upTo("100", "1"), Tier.upTo("50", "1"), Tier.above("1"))))
                .hasMessageContaining("ascend");
        assertThatThrownBy(() -> new PriceModel.Volume(List.of(Tier.above("1"), Tier.above("2"))))
                .hasMessageContaining("last tier is open");
        assertThatThrownBy(() -> new PriceModel.Volume(List.of(Tier.upTo("10", "1"))))
                .hasMessageContaining("last tier is open");
    }

    @Test
    void amountsOfDifferentCurrenciesNeverAddUp() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .hasMessageContaining("Cannot combine");
    }

    private static CreditGrant grant(String id, String amount, String expiresAt, int priority) {
        return new CreditGrant(
                id,
                Money.of(amount, "EUR"),
                Instant.parse("2025-12-01T00:00:00Z"),
                Optional.of(Instant.parse(expiresAt)),
                priority);
    }

    private Money total(Charge charge, String quantity) {
        return price(plan(charge), Map.of(charge.ratingType(), new BigDecimal(quantity)), List.of())
                .total();
    }

    private PeriodCharge price(Plan plan, Map<String, BigDecimal> quantities, List<CreditGrant> grants) {
        return pricer.price(plan, quantities, grants, PERIOD_END);
    }

    private static Plan plan(Charge charge) {
        return new Plan("test", EUR, List.of(charge), Optional.empty(), Rounding.CURRENCY_HALF_UP);
    }

    private static Money money(String amount) {
        return Money.of(amount, "EUR");
    }
}
