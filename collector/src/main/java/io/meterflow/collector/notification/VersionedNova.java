package io.meterflow.collector.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites Nova's versioned instance notifications ({@code instance.*}, payload under
 * {@code nova_object.data}) into the legacy {@code compute.instance.*} shape, so the same meter
 * definitions (Ceilometer's included) meter both. Times are written in the legacy forms. Versioned
 * times have whole seconds only, so a booting time from a versioned event lacks the legacy
 * event's fraction of a second.
 */
public final class VersionedNova {

    private static final String DATA = "nova_object.data";
    /** Versioned event names that differ from their legacy twin beyond the {@code compute.} prefix. */
    private static final Map<String, String> RENAMED = Map.of(
            "instance.resize_confirm", "instance.resize.confirm",
            "instance.resize_revert", "instance.resize.revert",
            "instance.resize_prep", "instance.resize.prep",
            "instance.resize_finish", "instance.finish_resize",
            "instance.live_migration_post", "instance.live_migration.post",
            "instance.live_migration_pre", "instance.live_migration.pre");

    private static final DateTimeFormatter LEGACY_STRTIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter LEGACY_CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+00:00'");
    private static final DateTimeFormatter LEGACY_AUDIT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private VersionedNova() {}

    public static boolean isVersionedInstance(Notification notification) {
        return notification.eventType().startsWith("instance.")
                && notification.payload().has(DATA);
    }

    public static boolean isLegacyInstance(Notification notification) {
        return notification.eventType().startsWith("compute.instance.");
    }

    /** The instance id {@link #toLegacy} gives the legacy payload, read without converting. */
    public static String instanceId(Notification versioned) {
        JsonNode uuid = versioned.payload().get(DATA).get("uuid");
        return uuid == null ? NullNode.getInstance().asText() : uuid.asText();
    }

    public static String legacyEventType(String versionedEventType) {
        String phase = "";
        String action = versionedEventType;
        for (String suffix : new String[] {".start", ".end", ".error"}) {
            if (versionedEventType.endsWith(suffix)) {
                phase = suffix;
                action = versionedEventType.substring(0, versionedEventType.length() - suffix.length());
            }
        }
        return "compute." + RENAMED.getOrDefault(action, action) + phase;
    }

    public static Notification toLegacy(Notification versioned) {
        JsonNode d = versioned.payload().get(DATA);
        JsonNode flavor = d.path("flavor").path(DATA);
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.set("tenant_id", d.get("tenant_id"));
        p.set("user_id", d.get("user_id"));
        p.set("instance_id", d.get("uuid"));
        p.set("display_name", d.get("display_name"));
        p.set("reservation_id", d.get("reservation_id"));
        p.set("hostname", d.get("host_name"));
        p.set("instance_type", flavor.get("name"));
        p.set("instance_flavor_id", flavor.get("flavorid"));
        p.set("architecture", d.get("architecture"));
        p.set("memory_mb", flavor.get("memory_mb"));
        p.put(
                "disk_gb",
                flavor.path("root_gb").asLong() + flavor.path("ephemeral_gb").asLong());
        p.set("vcpus", flavor.get("vcpus"));
        p.set("root_gb", flavor.get("root_gb"));
        p.set("ephemeral_gb", flavor.get("ephemeral_gb"));
        p.set("host", d.get("host"));
        p.set("node", d.get("node"));
        p.set("availability_zone", d.get("availability_zone"));
        p.put("created_at", time(d.get("created_at"), LEGACY_CREATED));
        p.put("launched_at", time(d.get("launched_at"), LEGACY_STRTIME));
        p.put("deleted_at", time(d.get("deleted_at"), LEGACY_STRTIME));
        p.put("terminated_at", time(d.get("terminated_at"), LEGACY_STRTIME));
        p.set("os_type", d.get("os_type"));
        p.set("kernel_id", d.get("kernel_id"));
        p.set("ramdisk_id", d.get("ramdisk_id"));
        p.set("state", d.get("state"));
        p.putObject("image_meta").set("base_image_ref", d.get("image_uuid"));
        p.set("metadata", d.has("metadata") ? d.get("metadata") : JsonNodeFactory.instance.objectNode());
        JsonNode audit = d.path("audit_period").path(DATA);
        if (audit.isObject()) {
            p.put("audit_period_beginning", time(audit.get("audit_period_beginning"), LEGACY_AUDIT));
            p.put("audit_period_ending", time(audit.get("audit_period_ending"), LEGACY_AUDIT));
        }
        String publisher = versioned.publisherId() == null
                ? null
                : versioned.publisherId().replaceFirst("^nova-compute:", "compute.");
        return new Notification(
                versioned.messageId(),
                publisher,
                legacyEventType(versioned.eventType()),
                versioned.priority(),
                versioned.timestamp(),
                p,
                versioned.context());
    }

    /** Legacy payloads carry {@code ""} where versioned ones carry {@code null}. */
    private static String time(JsonNode value, DateTimeFormatter legacy) {
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            return "";
        }
        Optional<OffsetDateTime> parsed = CeilometerTime.parse(value.asText());
        return parsed.map(t -> t.withOffsetSameInstant(ZoneOffset.UTC).format(legacy))
                .orElse(value.asText());
    }
}
