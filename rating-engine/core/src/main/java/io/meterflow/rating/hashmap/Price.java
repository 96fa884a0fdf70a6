package io.meterflow.rating.hashmap;

import java.math.BigDecimal;
import java.util.Objects;

/** What a matching hashmap rule contributes: its cost and how the cost acts. */
public record Price(MapType type, BigDecimal cost) {

    public Price {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(cost, "cost");
    }
}
