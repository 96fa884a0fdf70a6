package io.meterflow.rating.hashmap;

import io.meterflow.rating.api.Timestamps;
import io.meterflow.rating.hashmap.HashMapRows.FieldRow;
import io.meterflow.rating.hashmap.HashMapRows.GroupRow;
import io.meterflow.rating.hashmap.HashMapRows.MappingRow;
import io.meterflow.rating.hashmap.HashMapRows.ServiceRow;
import io.meterflow.rating.hashmap.HashMapRows.ThresholdRow;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hashmap objects as CloudKitty's v1 API prints them: decimals as strings at the column's
 * scale ({@code cost} 28 places, {@code level} 8), as PostgreSQL hands them to CloudKitty.
 */
final class HashMapViews {

    private HashMapViews() {}

    static Map<String, Object> service(ServiceRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("service_id", row.serviceId());
        view.put("name", row.name());
        return view;
    }

    static Map<String, Object> field(FieldRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("field_id", row.fieldId());
        view.put("service_id", row.serviceId());
        view.put("name", row.name());
        return view;
    }

    static Map<String, Object> group(GroupRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("group_id", row.groupId());
        view.put("name", row.name());
        return view;
    }

    static Map<String, Object> mapping(MappingRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("mapping_id", row.mappingId());
        view.put("value", row.value());
        view.put("type", row.type());
        view.put("cost", scaled(row.cost(), 28));
        ruleContext(view, row.serviceId(), row.fieldId(), row.groupId(), row.tenantId(), row.validity());
        return view;
    }

    static Map<String, Object> threshold(ThresholdRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("threshold_id", row.thresholdId());
        view.put("level", scaled(row.level(), 8));
        view.put("type", row.type());
        view.put("cost", scaled(row.cost(), 28));
        ruleContext(view, row.serviceId(), row.fieldId(), row.groupId(), row.tenantId(), row.validity());
        return view;
    }

    /** What mappings and thresholds show alike: their parent, group, project, and CloudKitty 23's window and audit. */
    private static void ruleContext(
            Map<String, Object> view,
            String serviceId,
            String fieldId,
            String groupId,
            String tenantId,
            HashMapRows.Validity validity) {
        view.put("service_id", serviceId);
        view.put("field_id", fieldId);
        view.put("group_id", groupId);
        view.put("tenant_id", tenantId);
        view.put("start", validity.start() == null ? null : Timestamps.isoUtc(validity.start()));
        view.put("end", validity.end() == null ? null : Timestamps.isoUtc(validity.end()));
        view.put("created_by", validity.createdBy());
        view.put("updated_by", validity.updatedBy());
    }

    private static String scaled(BigDecimal value, int scale) {
        return value == null
                ? null
                : value.setScale(scale, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }
}
