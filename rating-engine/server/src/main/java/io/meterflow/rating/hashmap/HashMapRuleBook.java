package io.meterflow.rating.hashmap;

import io.meterflow.rating.hashmap.HashMapRows.MappingRow;
import io.meterflow.rating.hashmap.HashMapRows.ThresholdRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The stored hashmap configuration turned into the rater's rules, for one project at a time. */
public final class HashMapRuleBook {

    private final ServiceCatalog catalog;
    private final List<HashMapRule> rules;
    private final List<HashMapRows.Validity> validities;
    /** Per rule, when its group was deleted (null: not deleted, or no group). */
    private final List<Instant> groupEnds;

    private HashMapRuleBook(
            ServiceCatalog catalog,
            List<HashMapRule> rules,
            List<HashMapRows.Validity> validities,
            List<Instant> groupEnds) {
        this.catalog = catalog;
        this.rules = List.copyOf(rules);
        this.validities = List.copyOf(validities);
        this.groupEnds = new ArrayList<>(groupEnds); // holds nulls
    }

    /**
     * A snapshot of what is stored now, deletions included: every service and field ever created
     * (a name reused after a deletion is one service or field, as rating types and attributes are
     * names), every rule with its validity, and groups by id, so a group deleted and one created
     * under its name never merge.
     */
    public static HashMapRuleBook load(HashMapStore store) {
        Map<String, String> serviceNames = new HashMap<>();
        Map<String, Set<String>> fieldsByService = new LinkedHashMap<>();
        Map<String, RuleParent.OfField> fieldParents = new HashMap<>();
        for (HashMapRows.CatalogRow row : store.everyServiceField()) {
            serviceNames.put(row.serviceId(), row.service());
            Set<String> fields = fieldsByService.computeIfAbsent(row.service(), s -> new LinkedHashSet<>());
            if (row.fieldId() != null) {
                fields.add(row.field());
                fieldParents.put(row.fieldId(), new RuleParent.OfField(row.service(), row.field()));
            }
        }
        Map<String, List<String>> catalog = new LinkedHashMap<>();
        fieldsByService.forEach((service, fields) -> catalog.put(service, List.copyOf(fields)));
        Map<String, Instant> groupDeletions = store.groupDeletions();
        List<HashMapRule> rules = new ArrayList<>();
        List<HashMapRows.Validity> validities = new ArrayList<>();
        List<Instant> groupEnds = new ArrayList<>();
        for (MappingRow mapping : store.allMappings()) {
            validities.add(mapping.validity());
            groupEnds.add(groupDeletions.get(mapping.groupId()));
            RuleParent parent = parent(mapping.serviceId(), mapping.fieldId(), serviceNames, fieldParents);
            Optional<String> value =
                    parent instanceof RuleParent.OfField ? Optional.ofNullable(mapping.value()) : Optional.empty();
            rules.add(new HashMapRule.Mapping(
                    parent,
                    value,
                    Optional.ofNullable(mapping.groupId()),
                    Optional.ofNullable(mapping.tenantId()),
                    new Price(MapType.fromWireName(mapping.type()), mapping.cost())));
        }
        for (ThresholdRow threshold : store.allThresholds()) {
            validities.add(threshold.validity());
            groupEnds.add(groupDeletions.get(threshold.groupId()));
            rules.add(new HashMapRule.Threshold(
                    parent(threshold.serviceId(), threshold.fieldId(), serviceNames, fieldParents),
                    threshold.level(),
                    Optional.ofNullable(threshold.groupId()),
                    Optional.ofNullable(threshold.tenantId()),
                    new Price(MapType.fromWireName(threshold.type()), threshold.cost())));
        }
        return new HashMapRuleBook(new ServiceCatalog(catalog), rules, validities, groupEnds);
    }

    /**
     * The rater for one project and the period starting at {@code periodStart}: the project's own
     * rules and the generic ones, as CloudKitty merges them, among those in force then (deleted
     * rules included for the time before their deletion).
     */
    public HashMapRater raterFor(Optional<String> project, Instant periodStart) {
        List<HashMapRule> inForce = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            if (validities.get(i).pricesAt(periodStart)) {
                Instant groupEnd = groupEnds.get(i);
                boolean groupGone = groupEnd != null && !periodStart.isBefore(groupEnd);
                inForce.add(groupGone ? withoutGroup(rules.get(i)) : rules.get(i));
            }
        }
        return new HashMapRater(HashMapRules.forTenant(catalog, inForce, project));
    }

    /** A rule whose group was deleted without it: from then on CloudKitty's default group. */
    private static HashMapRule withoutGroup(HashMapRule rule) {
        if (rule instanceof HashMapRule.Mapping m) {
            return new HashMapRule.Mapping(m.parent(), m.value(), Optional.empty(), m.tenant(), m.price());
        }
        HashMapRule.Threshold t = (HashMapRule.Threshold) rule;
        return new HashMapRule.Threshold(t.parent(), t.level(), Optional.empty(), t.tenant(), t.price());
    }

    private static RuleParent parent(
            String serviceId,
            String fieldId,
            Map<String, String> serviceNames,
            Map<String, RuleParent.OfField> fields) {
        if (fieldId != null) {
            return fields.get(fieldId);
        }
        return new RuleParent.OfService(serviceNames.get(serviceId));
    }
}
