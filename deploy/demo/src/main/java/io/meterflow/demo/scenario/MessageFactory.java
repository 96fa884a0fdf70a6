package io.meterflow.demo.scenario;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The oslo message around a payload, with the request context legacy notifications carry. Message
 * ids are name-based on the resource, event and time: a notification sent again after a crash has
 * the id of the first one, which the collector recognises.
 */
final class MessageFactory {

    static final String INFO = "notifications.info";
    static final String SAMPLE = "notifications.sample";

    private final ObjectMapper json;

    MessageFactory(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    /** A notification of a user's request (create, resize, delete): the user's context. */
    OsloMessage userEvent(
            String exchange,
            String publisher,
            String eventType,
            Instant time,
            String resourceId,
            DemoProject project,
            ObjectNode payload) {
        OsloMessage message = build(exchange, INFO, publisher, eventType, "INFO", time, resourceId, payload);
        ObjectNode m = message.message();
        m.put("_context_user", project.userId());
        m.put("_context_is_admin", false);
        m.put("_context_request_id", "req-" + uuid("request", resourceId, eventType, time));
        m.putArray("_context_roles").add("member").add("reader");
        m.put("_context_user_id", project.userId());
        m.put("_context_project_id", project.id());
        m.put("_context_user_name", project.userName());
        m.put("_context_project_name", project.key());
        return message;
    }

    /** A periodic audit notification ({@code *.exists}): the service's admin context, no user. */
    OsloMessage auditEvent(
            String exchange, String publisher, String eventType, Instant time, String resourceId, ObjectNode payload) {
        OsloMessage message = build(exchange, INFO, publisher, eventType, "INFO", time, resourceId, payload);
        ObjectNode m = message.message();
        m.putNull("_context_user");
        m.put("_context_is_admin", true);
        m.put("_context_request_id", "req-" + uuid("request", resourceId, eventType, time));
        m.putArray("_context_roles");
        m.putNull("_context_user_id");
        m.putNull("_context_project_id");
        return message;
    }

    /** What Glance sends: no request context at all. */
    OsloMessage bareEvent(
            String exchange, String publisher, String eventType, Instant time, String resourceId, ObjectNode payload) {
        return build(exchange, INFO, publisher, eventType, "INFO", time, resourceId, payload);
    }

    /** ceilometer-polling's {@code telemetry.polling}: samples a central pollster made, priority SAMPLE. */
    OsloMessage polledSample(
            Instant time,
            String resourceId,
            String meter,
            String type,
            String unit,
            Number volume,
            DemoProject project,
            ObjectNode metadata) {
        ObjectNode payload = object();
        ObjectNode sample = payload.putArray("samples").addObject();
        sample.put("source", "openstack");
        sample.put("counter_name", meter);
        sample.put("counter_type", type);
        sample.put("counter_unit", unit);
        sample.putPOJO("counter_volume", volume);
        sample.putNull("user_id");
        sample.put("project_id", project.id());
        sample.put("resource_id", resourceId);
        sample.put("timestamp", OsloTime.isoMicros(time));
        sample.set("resource_metadata", metadata);
        sample.put("message_id", uuid("sample", resourceId, meter, time));
        sample.putNull("monotonic_time");
        sample.put(
                "message_signature", uuid("signature", resourceId, meter, time).replace("-", ""));
        return build(
                "ceilometer", SAMPLE, "ceilometer.polling", "telemetry.polling", "SAMPLE", time, resourceId, payload);
    }

    private OsloMessage build(
            String exchange,
            String routingKey,
            String publisher,
            String eventType,
            String priority,
            Instant time,
            String resourceId,
            ObjectNode payload) {
        String messageId = uuid("message", resourceId, eventType, time);
        ObjectNode m = object();
        m.put("message_id", messageId);
        m.put("publisher_id", publisher);
        m.put("event_type", eventType);
        m.put("priority", priority);
        m.set("payload", payload);
        m.put("timestamp", OsloTime.oslo(time));
        m.put("_unique_id", uuid("unique", resourceId, eventType, time).replace("-", ""));
        return new OsloMessage(exchange, routingKey, time, messageId, eventType, resourceId, m);
    }

    static String uuid(String kind, String resourceId, String eventType, Instant time) {
        String seed = "meterflow-demo:" + kind + ":" + resourceId + ":" + eventType + ":" + time;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
