package io.meterflow.rating.hashmap;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One mapping or threshold as the rater needs it, in the order CloudKitty reads its rules (creation
 * order): where it hangs, its group (none is CloudKitty's {@code _DEFAULT_} group), the project it
 * is specific to (none: every project), and what it charges.
 */
public sealed interface HashMapRule {

    /** The name of CloudKitty's implicit group of rules that have none. */
    String DEFAULT_GROUP = "_DEFAULT_";

    RuleParent parent();

    Optional<String> group();

    Optional<String> tenant();

    Price price();

    default String groupName() {
        return group().orElse(DEFAULT_GROUP);
    }

    /**
     * A service mapping (no value) always matches; a field mapping matches when the field's value,
     * as Python's {@code str()} writes it, equals {@code value}.
     */
    record Mapping(
            RuleParent parent, Optional<String> value, Optional<String> group, Optional<String> tenant, Price price)
            implements HashMapRule {
        public Mapping {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(price, "price");
            if (parent instanceof RuleParent.OfField && value.isEmpty()) {
                throw new IllegalArgumentException("A field mapping needs a value");
            }
            if (parent instanceof RuleParent.OfService && value.isPresent()) {
                throw new IllegalArgumentException("A service mapping has no value");
            }
        }
    }

    /** Applies when the quantity (service threshold) or the field's number (field threshold) reaches {@code level}. */
    record Threshold(RuleParent parent, BigDecimal level, Optional<String> group, Optional<String> tenant, Price price)
            implements HashMapRule {
        public Threshold {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(price, "price");
        }
    }
}
