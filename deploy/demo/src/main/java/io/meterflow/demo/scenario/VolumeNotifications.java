package io.meterflow.demo.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.demo.scenario.ResourcePlan.Volume;
import io.meterflow.demo.scenario.Schedule.Life;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Cinder's {@code volume.*} notifications; Cinder publishes on the {@code openstack} exchange. */
final class VolumeNotifications {

    private static final String EXCHANGE = "openstack";
    private static final String PUBLISHER = "volume.cinder-vol-01@lvmdriver-1";
    /** The id of the demo's one volume type ("__DEFAULT__"); Cinder sends ids, not names. */
    static final String VOLUME_TYPE = "5a71f6e0-a5a5-46f1-951c-c30fc2d2ed29";

    private final MessageFactory messages;

    VolumeNotifications(MessageFactory messages) {
        this.messages = messages;
    }

    OsloMessage created(Volume plan, Life life) {
        return messages.userEvent(
                EXCHANGE,
                PUBLISHER,
                "volume.create.end",
                life.created(),
                id(plan, life),
                plan.project(),
                payload(plan, life, life.created(), "available"));
    }

    OsloMessage resized(Volume plan, Life life, Instant time) {
        return messages.userEvent(
                EXCHANGE,
                PUBLISHER,
                "volume.resize.end",
                time,
                id(plan, life),
                plan.project(),
                payload(plan, life, time, "available"));
    }

    OsloMessage exists(Volume plan, Life life, Instant time) {
        ObjectNode payload = payload(plan, life, time, "available");
        Instant end = time.truncatedTo(ChronoUnit.HOURS);
        payload.put("audit_period_beginning", OsloTime.audit(end.minus(Duration.ofHours(1))));
        payload.put("audit_period_ending", OsloTime.audit(end));
        return messages.auditEvent(EXCHANGE, "volume.controller-01", "volume.exists", time, id(plan, life), payload);
    }

    OsloMessage deleted(Volume plan, Life life, Instant time) {
        return messages.userEvent(
                EXCHANGE,
                PUBLISHER,
                "volume.delete.end",
                time,
                id(plan, life),
                plan.project(),
                payload(plan, life, time, "deleting"));
    }

    static int sizeAt(Volume plan, Life life, Instant time) {
        boolean grown = plan.growAfter()
                .map(after -> !time.isBefore(life.created().plus(after)))
                .orElse(false);
        return grown ? plan.grownGb() : plan.sizeGb();
    }

    private ObjectNode payload(Volume plan, Life life, Instant time, String status) {
        ObjectNode p = messages.object();
        p.put("tenant_id", plan.project().id());
        p.put("host", "cinder-vol-01@lvmdriver-1#lvmdriver-1");
        p.put("user_id", plan.project().userId());
        p.put("availability_zone", "nova");
        p.put("volume_id", id(plan, life));
        p.put("volume_type", VOLUME_TYPE);
        p.put("display_name", plan.displayName(life.index()));
        p.put("launched_at", OsloTime.cinder(life.created()));
        p.put("created_at", OsloTime.cinder(life.created().minusSeconds(12)));
        p.put("status", status);
        p.putNull("snapshot_id");
        p.put("size", sizeAt(plan, life, time));
        p.putNull("replication_status");
        p.putNull("replication_extended_status");
        p.putNull("replication_driver_data");
        p.putArray("metadata");
        p.putArray("volume_attachment");
        return p;
    }

    private static String id(Volume plan, Life life) {
        return plan.resourceId(life.index());
    }
}
