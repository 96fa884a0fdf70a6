package io.meterflow.operator.policy;

import io.meterflow.policy.RuleDefault;
import io.meterflow.rating.access.RatingPolicies;
import io.meterflow.reports.access.ReportsPolicies;
import io.meterflow.timeseries.access.GnocchiPolicies;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Each Meterflow API whose calls a policy judges, with its rule defaults as the API itself lists them. */
public enum ServicePolicies {
    TIMESERIES(
            "timeseries",
            "the time-series API (Gnocchi's policy.yaml rules)",
            "METERFLOW_TIMESERIES_POLICY_FILE",
            GnocchiPolicies::defaults),
    RATING(
            "rating",
            "the rating API (CloudKitty 22's secure-RBAC rules)",
            "METERFLOW_RATING_POLICY_FILE",
            RatingPolicies::defaults),
    REPORTS(
            "reports",
            "the reports API (invoices, billing accounts)",
            "METERFLOW_REPORTS_POLICY_FILE",
            ReportsPolicies::defaults);

    private final String command;
    private final String description;
    private final String policyFileVariable;
    private final Supplier<List<RuleDefault>> defaults;

    ServicePolicies(
            String command, String description, String policyFileVariable, Supplier<List<RuleDefault>> defaults) {
        this.command = command;
        this.description = description;
        this.policyFileVariable = policyFileVariable;
        this.defaults = defaults;
    }

    /** How {@code bin/meterflow policy} names it. */
    public String command() {
        return command;
    }

    public String description() {
        return description;
    }

    /** The variable naming the operator's file to the service. */
    public String policyFileVariable() {
        return policyFileVariable;
    }

    public List<RuleDefault> defaults() {
        return defaults.get();
    }

    public static Optional<ServicePolicies> named(String command) {
        for (ServicePolicies service : values()) {
            if (service.command.equals(command)) {
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
