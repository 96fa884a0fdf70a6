package io.meterflow.demo.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.demo.scenario.ResourcePlan.Image;
import io.meterflow.demo.scenario.Schedule.Life;
import java.time.Instant;

/**
 * Glance's {@code image.*} notifications, and the {@code image.size} samples Ceilometer's central
 * image pollster publishes between them (Glance sends nothing periodic, so without the pollster an
 * image would have measures only when it changes).
 */
final class ImageNotifications {

    private static final String EXCHANGE = "glance";
    private static final String PUBLISHER = "image.localhost";

    private final MessageFactory messages;

    ImageNotifications(MessageFactory messages) {
        this.messages = messages;
    }

    OsloMessage uploaded(Image plan, Life life) {
        return messages.bareEvent(
                EXCHANGE,
                PUBLISHER,
                "image.upload",
                life.created(),
                id(plan, life),
                payload(plan, life, life.created(), "active"));
    }

    OsloMessage updated(Image plan, Life life, Instant time) {
        ObjectNode payload = payload(plan, life, time, "active");
        ((ObjectNode) payload.get("properties")).put("description", "release notes attached");
        return messages.bareEvent(EXCHANGE, PUBLISHER, "image.update", time, id(plan, life), payload);
    }

    OsloMessage deleted(Image plan, Life life, Instant time) {
        ObjectNode payload = payload(plan, life, time, "deleted");
        payload.put("deleted", true);
        payload.put("deleted_at", OsloTime.glance(time));
        return messages.bareEvent(EXCHANGE, PUBLISHER, "image.delete", time, id(plan, life), payload);
    }

    OsloMessage polled(Image plan, Life life, Instant time) {
        ObjectNode metadata = messages.object();
        metadata.put("name", plan.displayName(life.index()));
        metadata.put("container_format", "bare");
        metadata.put("disk_format", plan.diskFormat());
        metadata.put("status", "active");
        metadata.put("is_public", false);
        metadata.put("size", plan.sizeBytes());
        return messages.polledSample(
                time, id(plan, life), "image.size", "gauge", "B", plan.sizeBytes(), plan.project(), metadata);
    }

    private ObjectNode payload(Image plan, Life life, Instant time, String status) {
        ObjectNode p = messages.object();
        p.put("id", id(plan, life));
        p.put("name", plan.displayName(life.index()));
        p.put("status", status);
        p.put("created_at", OsloTime.glance(life.created().minusSeconds(150)));
        p.put("updated_at", OsloTime.glance(time));
        p.put("min_disk", 10);
        p.put("min_ram", 0);
        p.put("protected", false);
        p.put(
                "checksum",
                MessageFactory.uuid("checksum", id(plan, life), "", life.created())
                        .replace("-", ""));
        p.put("owner", plan.project().id());
        p.put("disk_format", plan.diskFormat());
        p.put("container_format", "bare");
        p.put("size", plan.sizeBytes());
        p.put("virtual_size", plan.sizeBytes() * 3);
        p.put("is_public", false);
        p.put("visibility", "private");
        p.putObject("properties").put("os_distro", "ubuntu").put("hw_disk_bus", "virtio");
        p.putArray("tags");
        p.put("deleted", false);
        p.putNull("deleted_at");
        return p;
    }

    private static String id(Image plan, Life life) {
        return plan.resourceId(life.index());
    }
}
