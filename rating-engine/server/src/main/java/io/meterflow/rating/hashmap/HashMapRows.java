package io.meterflow.rating.hashmap;

import java.math.BigDecimal;
import java.time.Instant;

/** The hashmap configuration as stored and as the v1 API shows it (identifiers are the public UUIDs). */
public final class HashMapRows {

    private HashMapRows() {}

    public record ServiceRow(String serviceId, String name) {}

    public record FieldRow(String fieldId, String serviceId, String name) {}

    public record GroupRow(String groupId, String name) {}

    /** A service and one of its fields (null ids and name for a service without fields), deleted or not. */
    public record CatalogRow(String serviceId, String service, String fieldId, String field) {}

    /** {@code serviceId} or {@code fieldId} is set, never both. */
    public record MappingRow(
            String mappingId,
            String value,
            String type,
            BigDecimal cost,
            String serviceId,
            String fieldId,
            String groupId,
            String tenantId,
            Validity validity) {}

    public record ThresholdRow(
            String thresholdId,
            BigDecimal level,
            String type,
            BigDecimal cost,
            String serviceId,
            String fieldId,
            String groupId,
            String tenantId,
            Validity validity) {}

    /**
     * When a rule prices and who changed it (CloudKitty 23's rule windows and audit fields): the
     * periods starting in [{@code start}, {@code end}), and before {@code deletedAt} when it was
     * deleted, since a deleted rule is kept for re-rating the time it was in force. Without a
     * start a rule prices always and stays editable, as every rule does in CloudKitty 17.
     */
    public record Validity(
            Instant start, Instant end, Instant deletedAt, String createdBy, String updatedBy, String deletedBy) {

        public boolean pricesAt(Instant periodStart) {
            return (start == null || !start.isAfter(periodStart))
                    && (end == null || periodStart.isBefore(end))
                    && (deletedAt == null || periodStart.isBefore(deletedAt));
        }

        /** A started rule prices periods already rated: only a future end may still change. */
        public boolean startedAt(Instant now) {
            return start != null && !start.isAfter(now);
        }
    }

    /** A new rule's window as the API gave it: a start (null: always), an end, and whether a past start is meant. */
    public record RuleWindow(Instant start, Instant end, boolean force) {

        public static final RuleWindow ALWAYS = new RuleWindow(null, null, false);
    }

    /** What a mapping or threshold list is narrowed to; {@code tenantFiltered} with a null tenant means "no tenant". */
    public record RuleFilter(
            String serviceId,
            String fieldId,
            String groupId,
            boolean noGroup,
            boolean tenantFiltered,
            String tenantId) {}
}
