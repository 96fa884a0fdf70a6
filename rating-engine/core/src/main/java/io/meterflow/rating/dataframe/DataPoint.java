package io.meterflow.rating.dataframe;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * One rated (or to-be-rated) quantity, as CloudKitty's {@code DataPoint}: a resource's usage of one
 * rating type in one period. The quantity and price are exact decimals; the groupby and metadata
 * values are what the collector read (strings, numbers, booleans or null, as in JSON), because
 * rules compare them the way CloudKitty's Python code does.
 *
 * @param unit display unit from the metrics configuration ({@code instance}, {@code GiB})
 * @param quantity usage in the period, after factor, offset and mutation
 * @param price what the rating modules have charged so far (0 before rating)
 * @param groupby the attributes the usage was split by; always holds the scope key and the resource key
 * @param metadata further resource attributes, copied for rules and display
 */
public record DataPoint(
        String unit, BigDecimal quantity, BigDecimal price, Map<String, Object> groupby, Map<String, Object> metadata) {

    public DataPoint {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(price, "price");
        groupby = Attributes.of(groupby);
        metadata = Attributes.of(metadata);
    }

    public static DataPoint unrated(
            String unit, BigDecimal quantity, Map<String, Object> groupby, Map<String, Object> metadata) {
        return new DataPoint(unit, quantity, BigDecimal.ZERO, groupby, metadata);
    }

    public DataPoint withPrice(BigDecimal newPrice) {
        return new DataPoint(unit, quantity, newPrice, groupby, metadata);
    }

    /**
     * What rules match on: the metadata overlaid with the groupby, the groupby winning on a key
     * both hold (CloudKitty's {@code desc}); {@code absent} when neither holds the key, since a
     * value may itself be null.
     */
    public Object describeOr(String key, Object absent) {
        Object found = ((Attributes) groupby).getOr(key, absent);
        return found != absent ? found : ((Attributes) metadata).getOr(key, absent);
    }
}
