package io.meterflow.rating.hashmap;

import java.util.Objects;

/** What a mapping or threshold hangs on: a whole service (rating type) or one field of it. */
public sealed interface RuleParent {

    String service();

    /** Every point of the service: mappings always match, thresholds compare the quantity. */
    record OfService(String service) implements RuleParent {
        public OfService {
            Objects.requireNonNull(service, "service");
        }
    }

    /** Points whose field (a groupby or metadata key) has a value: mappings match it as text, thresholds as a number. */
    record OfField(String service, String field) implements RuleParent {
        public OfField {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(field, "field");
        }
    }
}
