package io.meterflow.rating.hashmap;

import io.meterflow.rating.hashmap.HashMapRows.FieldRow;
import io.meterflow.rating.hashmap.HashMapRows.GroupRow;
import io.meterflow.rating.hashmap.HashMapRows.MappingRow;
import io.meterflow.rating.hashmap.HashMapRows.ServiceRow;
import io.meterflow.rating.hashmap.HashMapRows.ThresholdRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The stored hashmap configuration turned into the rater's rules, for one project at a time. */
public final class HashMapRuleBook {

    private final ServiceCatalog catalog;
    private final List<HashMapRule> rules;
    private final List<HashMapRows.Validity> validities;

    private HashMapRuleBook(ServiceCatalog catalog, List<HashMapRule> rules, List<HashMapRows.Validity> validities) {
        this.catalog = catalog;
        this.rules = List.copyOf(rules);
        this.validities = List.copyOf(validities);
    }

    /** A snapshot of what is stored now. */
    public static HashMapRuleBook load(HashMapStore store) {
        Map<String, String> serviceNames = new HashMap<>();
        Map<String, List<String>> fieldsByService = new LinkedHashMap<>();
        Map<String, RuleParent.OfField> fieldParents = new HashMap<>();
        for (ServiceRow service : store.services()) {
            serviceNames.put(service.serviceId(), service.name());
            List<String> fields = new ArrayList<>();
            for (FieldRow field : store.fields(service.serviceId())) {
                fields.add(field.name());
                fieldParents.put(field.fieldId(), new RuleParent.OfField(service.name(), field.name()));
            }
            fieldsByService.put(service.name(), fields);
        }
        Map<String, String> groupNames = new HashMap<>();
        for (GroupRow group : store.groups()) {
            groupNames.put(group.groupId(), group.name());
        }
        List<HashMapRule> rules = new ArrayList<>();
        List<HashMapRows.Validity> validities = new ArrayList<>();
        for (MappingRow mapping : store.allMappings()) {
            validities.add(mapping.validity());
            RuleParent parent = parent(mapping.serviceId(), mapping.fieldId(), serviceNames, fieldParents);
            Optional<String> value =
                    parent instanceof RuleParent.OfField ? Optional.ofNullable(mapping.value()) : Optional.empty();
            rules.add(new HashMapRule.Mapping(
                    parent,
                    value,
                    Optional.ofNullable(groupNames.get(mapping.groupId())),
                    Optional.ofNullable(mapping.tenantId()),
                    new Price(MapType.fromWireName(mapping.type()), mapping.cost())));
        }
        for (ThresholdRow threshold : store.allThresholds()) {
            validities.add(threshold.validity());
            rules.add(new HashMapRule.Threshold(
                    parent(threshold.serviceId(), threshold.fieldId(), serviceNames, fieldParents),
                    threshold.level(),
                    Optional.ofNullable(groupNames.get(threshold.groupId())),
                    Optional.ofNullable(threshold.tenantId()),
                    new Price(MapType.fromWireName(threshold.type()), threshold.cost())));
        }
        return new HashMapRuleBook(new ServiceCatalog(fieldsByService), rules, validities);
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
                inForce.add(rules.get(i));
            }
        }
        return new HashMapRater(HashMapRules.forTenant(catalog, inForce, project));
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
