package io.meterflow.demo.pricing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The demo's prices in EUR, as CloudKitty hashmap rules: roughly what a small European public
 * cloud charges. Each rating type of the demo metrics.yml has a rule, so nothing rated is free.
 */
public final class DemoPriceList {

    public static final String CURRENCY = "EUR";

    /**
     * One hashmap mapping, always of type {@code flat}: on the service itself when {@code field} is
     * empty, else on a value of a field of the rated point's metadata. In CloudKitty's hashmap a
     * flat cost is the price per unit of the rated quantity ({@code rate * flat * qty}); a
     * {@code rate} mapping only multiplies it, and alone prices everything at 0.
     *
     * @param cost EUR per unit of the rating type per hour (per instance, GiB, MiB, IP)
     */
    public record Rule(String service, Optional<String> field, String value, BigDecimal cost) {
        public Rule {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(field, "field");
            if (cost.signum() < 0) {
                throw new IllegalArgumentException("cost must not be negative: " + cost);
            }
            value = field.isEmpty() ? "" : value;
        }

        static Rule perFlavor(String flavor, String eurPerHour) {
            return new Rule("instance", Optional.of("flavor_name"), flavor, new BigDecimal(eurPerHour));
        }

        static Rule perUnit(String service, String eurPerUnitHour) {
            return new Rule(service, Optional.empty(), "", new BigDecimal(eurPerUnitHour));
        }
    }

    private DemoPriceList() {}

    public static List<Rule> rules() {
        return List.of(
                Rule.perFlavor("m1.tiny", "0.0100"),
                Rule.perFlavor("m1.small", "0.0200"),
                Rule.perFlavor("m1.medium", "0.0400"),
                Rule.perFlavor("m1.large", "0.0800"),
                Rule.perFlavor("m1.xlarge", "0.1600"),
                // 0.11 EUR per GiB and month of block storage.
                Rule.perUnit("volume.size", "0.00015"),
                // Images in MiB: about 0.15 EUR per GiB and month.
                Rule.perUnit("image.size", "0.0000002"),
                Rule.perUnit("ip.floating", "0.0050"));
    }
}
