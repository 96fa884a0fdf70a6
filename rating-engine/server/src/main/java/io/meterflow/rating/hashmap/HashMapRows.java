package io.meterflow.rating.hashmap;

import java.math.BigDecimal;

/** The hashmap configuration as stored and as the v1 API shows it (identifiers are the public UUIDs). */
public final class HashMapRows {

    private HashMapRows() {}

    public record ServiceRow(String serviceId, String name) {}

    public record FieldRow(String fieldId, String serviceId, String name) {}

    public record GroupRow(String groupId, String name) {}

    /** {@code serviceId} or {@code fieldId} is set, never both. */
    public record MappingRow(
            String mappingId,
            String value,
            String type,
            BigDecimal cost,
            String serviceId,
            String fieldId,
            String groupId,
            String tenantId) {}

    public record ThresholdRow(
            String thresholdId,
            BigDecimal level,
            String type,
            BigDecimal cost,
            String serviceId,
            String fieldId,
            String groupId,
            String tenantId) {}

    /** What a mapping or threshold list is narrowed to; {@code tenantFiltered} with a null tenant means "no tenant". */
    public record RuleFilter(
            String serviceId,
            String fieldId,
            String groupId,
            boolean noGroup,
            boolean tenantFiltered,
            String tenantId) {}
}
