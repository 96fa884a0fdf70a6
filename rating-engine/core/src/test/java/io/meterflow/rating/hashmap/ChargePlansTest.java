package io.meterflow.rating.hashmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Where a service's plans are remembered: by slot, in a bounded map, or not at all. */
class ChargePlansTest {

    private static ChargePlan plan() {
        return new ChargePlan(new BigDecimal[] {BigDecimal.ONE}, new Price[1]);
    }

    @Test
    void aServiceWithFewOutcomesRemembersEveryKeyInItsSlot() {
        ChargePlans plans = new ChargePlans(ChargePlans.LIMIT);
        ChargePlan first = plan();
        ChargePlan last = plan();
        plans.remember(0, first);
        plans.remember(ChargePlans.LIMIT - 1, last);

        assertThat(plans.get(0)).isSameAs(first);
        assertThat(plans.get(ChargePlans.LIMIT - 1)).isSameAs(last);
        assertThat(plans.get(1)).isNull();
    }

    @Test
    void aServiceWithManyOutcomesRemembersTheFirstKeysInUseUpToTheLimit() {
        ChargePlans plans = new ChargePlans(1_000_000_000_000L);
        for (long key = 0; key < ChargePlans.LIMIT + 10; key++) {
            plans.remember(key * 7919, plan());
        }

        assertThat(plans.get((ChargePlans.LIMIT - 1) * 7919L)).isNotNull();
        assertThat(plans.get(ChargePlans.LIMIT * 7919L)).isNull();
    }

    @Test
    void aServiceWhoseOutcomesDoNotFitALongRemembersNothing() {
        ChargePlans plans = new ChargePlans(-1);
        plans.remember(3, plan());

        assertThat(plans.get(3)).isNull();
    }
}
