package io.meterflow.collector.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.collector.meter.path.Truthiness;
import io.meterflow.collector.notification.CeilometerTime;
import io.meterflow.collector.notification.Notification;
import io.meterflow.wire.ResourceEvent;
import java.util.Map;
import java.util.Optional;

/**
 * Resource lifecycle from legacy-shaped notifications (versioned Nova ones are translated before
 * they get here): instances and volumes created, changed (resize, attach, ...) and deleted, with the
 * attributes of Gnocchi's {@code instance} and {@code volume} resource types.
 */
public final class ResourceLifecycle {

    private static final Map<String, ResourceEvent.Kind> INSTANCE_EVENTS = Map.of(
            "compute.instance.create.end", ResourceEvent.Kind.CREATED,
            "compute.instance.resize.confirm.end", ResourceEvent.Kind.UPDATED,
            "compute.instance.finish_resize.end", ResourceEvent.Kind.UPDATED,
            "compute.instance.rebuild.end", ResourceEvent.Kind.UPDATED,
            "compute.instance.delete.end", ResourceEvent.Kind.DELETED);
    private static final Map<String, ResourceEvent.Kind> VOLUME_EVENTS = Map.of(
            "volume.create.end", ResourceEvent.Kind.CREATED,
            "volume.resize.end", ResourceEvent.Kind.UPDATED,
            "volume.attach.end", ResourceEvent.Kind.UPDATED,
            "volume.detach.end", ResourceEvent.Kind.UPDATED,
            "volume.retype", ResourceEvent.Kind.UPDATED,
            "volume.delete.end", ResourceEvent.Kind.DELETED);

    public Optional<ResourceEvent> eventOf(Notification n) {
        ResourceEvent.Kind instance = INSTANCE_EVENTS.get(n.eventType());
        if (instance != null) {
            return instance(n, instance);
        }
        ResourceEvent.Kind volume = VOLUME_EVENTS.get(n.eventType());
        return volume == null ? Optional.empty() : volume(n, volume);
    }

    private static Optional<ResourceEvent> instance(Notification n, ResourceEvent.Kind kind) {
        JsonNode p = n.payload();
        String id = text(p.get("instance_id"));
        if (id == null) {
            return Optional.empty();
        }
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        copy(attributes, "display_name", p.get("display_name"));
        copy(attributes, "flavor_id", p.get("instance_flavor_id"));
        copy(attributes, "flavor_name", p.get("instance_type"));
        copy(attributes, "host", p.get("host"));
        copy(attributes, "image_ref", p.path("image_meta").get("base_image_ref"));
        copy(attributes, "server_group", p.path("metadata").get("metering.server_group"));
        copy(attributes, "memory_mb", p.get("memory_mb"));
        copy(attributes, "vcpus", p.get("vcpus"));
        copy(attributes, "created_at", time(p.get("created_at")));
        copy(attributes, "launched_at", time(p.get("launched_at")));
        return Optional.of(event(n, id, "instance", kind, attributes));
    }

    private static Optional<ResourceEvent> volume(Notification n, ResourceEvent.Kind kind) {
        JsonNode p = n.payload();
        String id = text(p.get("volume_id"));
        if (id == null) {
            return Optional.empty();
        }
        ObjectNode attributes = JsonNodeFactory.instance.objectNode();
        copy(attributes, "display_name", p.get("display_name"));
        copy(attributes, "volume_type", p.get("volume_type"));
        copy(attributes, "size", p.get("size"));
        copy(attributes, "instance_id", p.path("volume_attachment").path(0).get("instance_uuid"));
        return Optional.of(event(n, id, "volume", kind, attributes));
    }

    /** The event of {@code id}: owner and, for a deletion, end time as Nova and Cinder both send them. */
    private static ResourceEvent event(
            Notification n, String id, String type, ResourceEvent.Kind kind, ObjectNode attributes) {
        JsonNode p = n.payload();
        String endedAt = kind == ResourceEvent.Kind.DELETED ? endedAt(n, p.get("deleted_at")) : null;
        return new ResourceEvent(
                id,
                type,
                kind,
                CeilometerTime.normalize(n.timestamp()),
                text(p.get("tenant_id")),
                text(p.get("user_id")),
                attributes,
                endedAt,
                n.messageId());
    }

    /** The service's deletion time when it sends one, else the notification's own time. */
    private static String endedAt(Notification n, JsonNode deletedAt) {
        String deleted = time(deletedAt);
        return deleted != null ? deleted : CeilometerTime.normalize(n.timestamp());
    }

    private static String time(JsonNode value) {
        String text = text(value);
        return text == null || text.isEmpty() ? null : CeilometerTime.normalize(text);
    }

    private static void copy(ObjectNode attributes, String name, Object value) {
        if (value instanceof JsonNode node && Truthiness.isTruthy(node)) {
            attributes.set(name, node);
        } else if (value instanceof String text) {
            attributes.put(name, text);
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
