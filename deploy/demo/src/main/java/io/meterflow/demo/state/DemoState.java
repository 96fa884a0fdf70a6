package io.meterflow.demo.state;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Objects;

/**
 * What the demo remembers across restarts (dataDir/demo/state.json).
 *
 * @param historyStart where the simulated cloud's history begins; also the rating engine's first period
 * @param detailedFrom from when audits come every ten minutes rather than hourly: the first start's
 *     recent hours; a state saved before this existed has it at {@code historyStart}
 * @param sentUntil every notification with an event time before it has been confirmed by RabbitMQ
 * @param pricesSeeded the demo price list is in the rating engine
 * @param billingSeeded the demo issuer and billing accounts are in the reports service
 */
public record DemoState(
        @JsonProperty("history_start") Instant historyStart,
        @JsonProperty("detailed_from") Instant detailedFrom,
        @JsonProperty("sent_until") Instant sentUntil,
        @JsonProperty("prices_seeded") boolean pricesSeeded,
        @JsonProperty("billing_seeded") boolean billingSeeded) {

    public DemoState {
        Objects.requireNonNull(historyStart, "historyStart");
        Objects.requireNonNull(sentUntil, "sentUntil");
        if (detailedFrom == null || detailedFrom.isBefore(historyStart)) {
            detailedFrom = historyStart;
        }
        if (sentUntil.isBefore(historyStart)) {
            throw new IllegalArgumentException("sent_until " + sentUntil + " is before history_start " + historyStart);
        }
    }

    public static DemoState fresh(Instant historyStart, Instant detailedFrom) {
        return new DemoState(historyStart, detailedFrom, historyStart, false, false);
    }

    public DemoState withSentUntil(Instant time) {
        return new DemoState(historyStart, detailedFrom, time, pricesSeeded, billingSeeded);
    }

    public DemoState withPricesSeeded() {
        return new DemoState(historyStart, detailedFrom, sentUntil, true, billingSeeded);
    }

    public DemoState withBillingSeeded() {
        return new DemoState(historyStart, detailedFrom, sentUntil, pricesSeeded, true);
    }
}
