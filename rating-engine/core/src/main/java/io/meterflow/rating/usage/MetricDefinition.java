package io.meterflow.rating.usage;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rating type read from a metric, as an entry of CloudKitty's metrics.yml: the metric's name
 * in the time-series service, the rating type it becomes ({@code alt_name}, the hashmap service's
 * name), the display unit, what the usage is grouped by (always ending with the scope key and the
 * resource key) and which resource attributes are copied, the unit conversion and mutation, and
 * how it is queried.
 *
 * @param factor multiplies the aggregated value; a fraction such as {@code 1/1048576} is kept exact
 * @param description what the rating type is, for people (CloudKitty 19+'s list form)
 */
public record MetricDefinition(
        String metric,
        String ratingType,
        String unit,
        List<String> groupby,
        List<String> metadata,
        Factor factor,
        BigDecimal offset,
        Mutation mutation,
        GnocchiQuery query,
        Optional<String> description) {

    public MetricDefinition {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(ratingType, "ratingType");
        Objects.requireNonNull(unit, "unit");
        groupby = List.copyOf(groupby);
        metadata = List.copyOf(metadata);
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(mutation, "mutation");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(description, "description");
    }

    /**
     * The quantity of a point: the aggregated value times the factor plus the offset, then mutated.
     * The value arrives as the time-series API's float and becomes the decimal it reads as
     * ({@code BigDecimal.valueOf}): CloudKitty takes the float's full binary expansion instead, so
     * 0.1 GiB is 0.1 here and 0.1000000000000000055511151231 there.
     */
    public BigDecimal quantity(double aggregated) {
        BigDecimal converted = factor.apply(BigDecimal.valueOf(aggregated)).add(offset);
        return mutation.apply(converted);
    }

    /** A unit conversion factor: an exact decimal, or a fraction whose division is rounded to 34 digits. */
    public record Factor(BigDecimal numerator, BigDecimal denominator) {

        public static final Factor ONE = new Factor(BigDecimal.ONE, BigDecimal.ONE);

        public Factor {
            Objects.requireNonNull(numerator, "numerator");
            Objects.requireNonNull(denominator, "denominator");
            if (denominator.signum() == 0) {
                throw new IllegalArgumentException("A factor's denominator must not be 0");
            }
        }

        BigDecimal apply(BigDecimal value) {
            BigDecimal scaled = value.multiply(numerator);
            if (denominator.compareTo(BigDecimal.ONE) == 0) {
                return scaled;
            }
            return scaled.divide(denominator, MathContext.DECIMAL128);
        }
    }
}
