package io.meterflow.rating.billing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.rating.database.Jdbc;
import java.time.Clock;
import java.time.Duration;

/** The billing feature wired: its API and the running charges the processor keeps current. */
public final class Billing {

    private final BillingResource resource;
    private final RunningCharges charges;

    private Billing(BillingResource resource, RunningCharges charges) {
        this.resource = resource;
        this.charges = charges;
    }

    /**
     * @param ratingPeriod the processor's period: a billing period is fully rated when its last one is
     * @param bus where budget alerts are published besides their webhooks (may be disabled)
     */
    public static Billing create(Jdbc jdbc, ObjectMapper json, Duration ratingPeriod, Clock clock, BusNotifier bus) {
        BillingStore store = new BillingStore(json);
        BudgetAlerts alerts = new BudgetAlerts(jdbc, json, bus);
        RunningCharges charges = new RunningCharges(jdbc, store, alerts, ratingPeriod, clock);
        return new Billing(new BillingResource(jdbc, store, alerts, charges), charges);
    }

    public BillingResource resource() {
        return resource;
    }

    public RunningCharges charges() {
        return charges;
    }
}
