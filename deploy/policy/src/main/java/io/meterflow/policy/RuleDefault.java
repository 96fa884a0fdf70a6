package io.meterflow.policy;

import java.util.List;
import java.util.Objects;

/**
 * A rule as a service defines it, oslo.policy's {@code DocumentedRuleDefault}: its name, its
 * default check string, and for the sample file what it guards.
 *
 * @param operations {@code METHOD /path} of each call the rule guards; empty for base rules
 */
public record RuleDefault(String name, String checkString, String description, List<String> operations) {

    public RuleDefault {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(checkString, "checkString");
        Objects.requireNonNull(description, "description");
        operations = List.copyOf(operations);
    }

    /** A base rule that other rules refer to. */
    public static RuleDefault base(String name, String checkString, String description) {
        return new RuleDefault(name, checkString, description, List.of());
    }
}
