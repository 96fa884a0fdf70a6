package io.meterflow.rating.hashmap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The hashmap rules that apply to one project, merged the way CloudKitty's {@code HashMap} loads
 * them for a scope: per service (in creation order), its mappings then its thresholds, each first
 * the generic ones and then the project's own; then the same per field. Within a group a later rule
 * replaces an earlier one for the same slot (a service's one mapping, a field value, a threshold
 * level), so a project's rule overrides the generic one in its group, while a project's rule in
 * another group adds a calculation of its own. Immutable once built; one instance per project and
 * rule version is shared by every rating thread.
 */
public final class HashMapRules {

    private final Map<String, ServiceRules> services;

    private HashMapRules(Map<String, ServiceRules> services) {
        this.services = services;
    }

    /**
     * @param catalog the services and their fields, in creation order
     * @param rules every mapping and threshold in force, in creation order
     * @param tenant the project being rated; empty applies the generic rules only
     */
    public static HashMapRules forTenant(ServiceCatalog catalog, List<HashMapRule> rules, Optional<String> tenant) {
        Objects.requireNonNull(tenant, "tenant");
        Map<String, ServiceRules> compiled = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> service : catalog.fieldsByService().entrySet()) {
            compiled.put(service.getKey(), ServiceRules.load(service.getKey(), service.getValue(), rules, tenant));
        }
        return new HashMapRules(Map.copyOf(compiled));
    }

    /** The service's compiled rules, or null when the rating type has no hashmap service. */
    ServiceRules service(String name) {
        return services.get(name);
    }

    /** One group's contribution to a slot, in CloudKitty's iteration order. */
    record GroupPrice(int group, Price price) {}

    /** A threshold of one group. */
    record LevelPrice(int group, BigDecimal level, Price price) {}

    /**
     * One value of a field that mappings match (its text, as Python's {@code str} gives it):
     * {@code id} numbers the field's matched values from 1, and {@code mappings} are the groups'
     * mappings for it in order.
     */
    record ValueRules(int id, GroupPrice[] mappings) {}

    /** A field's mappings by value and its thresholds, with the levels those reach. */
    record FieldRules(String name, Map<String, ValueRules> values, LevelPrice[] thresholds, ThresholdLevels levels) {

        /** How many distinct outcomes a value of this field can have: matched value × levels reached. */
        long outcomes() {
            return (values.size() + 1L) * (levels.count() + 1L);
        }
    }

    /** Everything one service's points are priced by; {@code groups} names each group index. */
    record ServiceRules(
            String name,
            String[] groups,
            GroupPrice[] mappings,
            LevelPrice[] thresholds,
            ThresholdLevels quantityLevels,
            FieldRules[] fields,
            long outcomes) {

        /**
         * How many distinct ways a point can be priced, its quantity aside: the product of the
         * quantity's and each field's outcomes, or -1 when that does not fit a long (then the
         * rater prices point by point, never by remembered outcome).
         */
        static long outcomes(ThresholdLevels quantityLevels, FieldRules[] fields) {
            try {
                long product = quantityLevels.count() + 1L;
                for (FieldRules field : fields) {
                    product = Math.multiplyExact(product, field.outcomes());
                }
                return product;
            } catch (ArithmeticException tooMany) {
                return -1;
            }
        }

        static ServiceRules load(
                String service, List<String> fieldNames, List<HashMapRule> rules, Optional<String> tenant) {
            GroupIndex groups = new GroupIndex();
            Map<String, Price> mappings = new LinkedHashMap<>();
            Map<String, Map<BigDecimal, LevelPrice>> thresholds = new LinkedHashMap<>();
            RuleParent serviceParent = new RuleParent.OfService(service);
            for (Optional<String> pass : passes(tenant)) {
                for (HashMapRule rule : rules) {
                    if (rule instanceof HashMapRule.Mapping mapping && applies(rule, serviceParent, pass)) {
                        mappings.put(rule.groupName(), mapping.price());
                    }
                }
            }
            for (Optional<String> pass : passes(tenant)) {
                for (HashMapRule rule : rules) {
                    if (rule instanceof HashMapRule.Threshold threshold && applies(rule, serviceParent, pass)) {
                        putLevel(thresholds, threshold);
                    }
                }
            }
            List<FieldRules> fields = new ArrayList<>();
            for (String fieldName : fieldNames) {
                fields.add(loadField(new RuleParent.OfField(service, fieldName), rules, tenant, groups));
            }
            // Group indices follow the order groups were first loaded; rating never depends on it,
            // only the order in which a point touches them does.
            GroupPrice[] serviceMappings = mappings.entrySet().stream()
                    .map(e -> new GroupPrice(groups.of(e.getKey()), e.getValue()))
                    .toArray(GroupPrice[]::new);
            // Before the names are read: a service threshold may be the only rule of its group.
            LevelPrice[] serviceThresholds = levels(thresholds, groups);
            ThresholdLevels quantityLevels = ThresholdLevels.of(serviceThresholds);
            FieldRules[] fieldRules = fields.toArray(FieldRules[]::new);
            return new ServiceRules(
                    service,
                    groups.names(),
                    serviceMappings,
                    serviceThresholds,
                    quantityLevels,
                    fieldRules,
                    outcomes(quantityLevels, fieldRules));
        }

        private static FieldRules loadField(
                RuleParent.OfField parent, List<HashMapRule> rules, Optional<String> tenant, GroupIndex groups) {
            Map<String, Map<String, Price>> mappings = new LinkedHashMap<>();
            Map<String, Map<BigDecimal, LevelPrice>> thresholds = new LinkedHashMap<>();
            for (Optional<String> pass : passes(tenant)) {
                for (HashMapRule rule : rules) {
                    if (rule instanceof HashMapRule.Mapping mapping && applies(rule, parent, pass)) {
                        mappings.computeIfAbsent(rule.groupName(), g -> new LinkedHashMap<>())
                                .put(mapping.value().orElseThrow(), mapping.price());
                    }
                }
            }
            for (Optional<String> pass : passes(tenant)) {
                for (HashMapRule rule : rules) {
                    if (rule instanceof HashMapRule.Threshold threshold && applies(rule, parent, pass)) {
                        putLevel(thresholds, threshold);
                    }
                }
            }
            Map<String, List<GroupPrice>> byValue = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, Price>> group : mappings.entrySet()) {
                int index = groups.of(group.getKey());
                for (Map.Entry<String, Price> value : group.getValue().entrySet()) {
                    byValue.computeIfAbsent(value.getKey(), v -> new ArrayList<>())
                            .add(new GroupPrice(index, value.getValue()));
                }
            }
            Map<String, ValueRules> frozen = new LinkedHashMap<>();
            byValue.forEach((value, prices) ->
                    frozen.put(value, new ValueRules(frozen.size() + 1, prices.toArray(GroupPrice[]::new))));
            LevelPrice[] fieldThresholds = levels(thresholds, groups);
            // Interned like the attribute names Jackson parses, which a point's lookup compares by reference first.
            return new FieldRules(
                    parent.field().intern(), Map.copyOf(frozen), fieldThresholds, ThresholdLevels.of(fieldThresholds));
        }

        /** CloudKitty loads the generic rules, then the project's: for no project, the generic ones twice, to the same effect. */
        private static List<Optional<String>> passes(Optional<String> tenant) {
            return tenant.isPresent() ? List.of(Optional.empty(), tenant) : List.of(Optional.empty());
        }

        private static boolean applies(HashMapRule rule, RuleParent parent, Optional<String> tenant) {
            return rule.parent().equals(parent) && rule.tenant().equals(tenant);
        }

        /**
         * Python keys the levels by Decimal, where 2 and 2.00000000 are one key: a later threshold of
         * an equal level replaces the price and keeps the first one's place.
         */
        private static void putLevel(Map<String, Map<BigDecimal, LevelPrice>> thresholds, HashMapRule.Threshold rule) {
            Map<BigDecimal, LevelPrice> levels =
                    thresholds.computeIfAbsent(rule.groupName(), g -> new LinkedHashMap<>());
            BigDecimal key = rule.level().stripTrailingZeros();
            LevelPrice previous = levels.get(key);
            BigDecimal level = previous == null ? rule.level() : previous.level();
            levels.put(key, new LevelPrice(-1, level, rule.price()));
        }

        private static LevelPrice[] levels(Map<String, Map<BigDecimal, LevelPrice>> thresholds, GroupIndex groups) {
            List<LevelPrice> ordered = new ArrayList<>();
            for (Map.Entry<String, Map<BigDecimal, LevelPrice>> group : thresholds.entrySet()) {
                int index = groups.of(group.getKey());
                for (LevelPrice level : group.getValue().values()) {
                    ordered.add(new LevelPrice(index, ThresholdLevels.fewestDecimals(level.level()), level.price()));
                }
            }
            return ordered.toArray(LevelPrice[]::new);
        }
    }

    /** Numbers the group names of one service, in the order they are first seen. */
    private static final class GroupIndex {
        private final Map<String, Integer> indices = new LinkedHashMap<>();

        int of(String name) {
            return indices.computeIfAbsent(name, n -> indices.size());
        }

        String[] names() {
            return indices.keySet().toArray(String[]::new);
        }
    }
}
