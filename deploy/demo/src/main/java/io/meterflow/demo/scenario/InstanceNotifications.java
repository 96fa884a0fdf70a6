package io.meterflow.demo.scenario;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.demo.scenario.ResourcePlan.Instance;
import io.meterflow.demo.scenario.Schedule.Life;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Nova's legacy {@code compute.instance.*} notifications, in the shape of captured ones. */
final class InstanceNotifications {

    /** The image every demo instance boots from (Ubuntu 22.04, public). */
    static final String BASE_IMAGE = "e863e95a-9869-4017-9c00-9490056eb1b8";

    private final MessageFactory messages;

    InstanceNotifications(MessageFactory messages) {
        this.messages = messages;
    }

    OsloMessage created(Instance plan, Life life) {
        ObjectNode payload = payload(plan, life, flavorAt(plan, life, life.created()), "active");
        payload.putArray("fixed_ips")
                .addObject()
                .put("address", fixedIp(plan, life))
                .put("type", "fixed")
                .put("version", 4);
        payload.put("message", "Success");
        return messages.userEvent(
                nova(),
                publisher(plan),
                "compute.instance.create.end",
                life.created(),
                id(plan, life),
                plan.project(),
                payload);
    }

    OsloMessage resized(Instance plan, Life life, Instant time) {
        ObjectNode payload = payload(plan, life, flavorAt(plan, life, time), "active");
        return messages.userEvent(
                nova(),
                publisher(plan),
                "compute.instance.resize.confirm.end",
                time,
                id(plan, life),
                plan.project(),
                payload);
    }

    OsloMessage exists(Instance plan, Life life, Instant time) {
        ObjectNode payload = payload(plan, life, flavorAt(plan, life, time), "active");
        // Nova audits the previous hour.
        Instant end = time.truncatedTo(ChronoUnit.HOURS);
        payload.put("audit_period_beginning", OsloTime.audit(end.minus(Duration.ofHours(1))));
        payload.put("audit_period_ending", OsloTime.audit(end));
        return messages.auditEvent(nova(), publisher(plan), "compute.instance.exists", time, id(plan, life), payload);
    }

    OsloMessage deleted(Instance plan, Life life, Instant time) {
        ObjectNode payload = payload(plan, life, flavorAt(plan, life, time), "deleted");
        payload.put("terminated_at", OsloTime.isoMicros(time));
        payload.put("deleted_at", OsloTime.isoMicros(time));
        return messages.userEvent(
                nova(), publisher(plan), "compute.instance.delete.end", time, id(plan, life), plan.project(), payload);
    }

    /** The flavor the instance has at {@code time}: resized ones alternate at each period. */
    static Flavor flavorAt(Instance plan, Life life, Instant time) {
        if (plan.resizeEvery().isEmpty()) {
            return plan.flavors().get(0);
        }
        long resizes = Duration.between(life.created(), time).toSeconds()
                / plan.resizeEvery().get().toSeconds();
        return plan.flavors().get((int) (Math.max(0, resizes) % plan.flavors().size()));
    }

    /**
     * Steady instances (never deleted, never resized) run on the polled node, whose samples name
     * it as their host; the others on two more nodes, so an instance's host never flips between a
     * notification and a poll.
     */
    static String host(Instance plan) {
        if (plan.schedule().every().isEmpty() && plan.resizeEvery().isEmpty()) {
            return CloudScenario.POLLED_HOST;
        }
        return "compute-0" + (2 + Math.floorMod(plan.name().hashCode(), 2));
    }

    private ObjectNode payload(Instance plan, Life life, Flavor flavor, String state) {
        DemoProject project = plan.project();
        String name = plan.displayName(life.index());
        ObjectNode p = messages.object();
        p.put("tenant_id", project.id());
        p.put("user_id", project.userId());
        p.put("instance_id", id(plan, life));
        p.put("display_name", name);
        p.put("reservation_id", "r-" + id(plan, life).substring(0, 8));
        p.put("hostname", name);
        p.put("instance_type", flavor.name());
        p.put("instance_type_id", flavor.vcpus() * 10 + flavor.rootGb() % 10);
        p.put("instance_flavor_id", flavor.id());
        p.put("architecture", "x86_64");
        p.put("memory_mb", flavor.memoryMb());
        p.put("disk_gb", flavor.rootGb());
        p.put("vcpus", flavor.vcpus());
        p.put("root_gb", flavor.rootGb());
        p.put("ephemeral_gb", 0);
        p.put("host", host(plan));
        p.put("node", host(plan) + ".demo.example.org");
        p.put("availability_zone", "nova");
        p.put("cell_name", "");
        p.put("created_at", OsloTime.novaCreated(life.created().minusSeconds(40)));
        p.put("terminated_at", "");
        p.put("deleted_at", "");
        p.put("launched_at", OsloTime.isoMicros(life.created().minusSeconds(5)));
        p.put("image_ref_url", "http://controller:9292/images/" + BASE_IMAGE);
        p.putNull("os_type");
        p.put("kernel_id", "");
        p.put("ramdisk_id", "");
        p.put("state", state);
        p.put("state_description", "");
        p.put("progress", "");
        p.putNull("access_ip_v4");
        p.putNull("access_ip_v6");
        ObjectNode image = p.putObject("image_meta");
        image.put("base_image_ref", BASE_IMAGE);
        image.put("container_format", "bare");
        image.put("disk_format", "qcow2");
        image.put("min_disk", "10");
        image.put("min_ram", "0");
        image.put("os_distro", "ubuntu");
        p.putObject("metadata").put("owner", project.key());
        return p;
    }

    static String fixedIp(ResourcePlan plan, Life life) {
        return "10.0." + (1 + Math.floorMod(plan.project().key().hashCode(), 200)) + "." + (10 + life.index() % 200);
    }

    private static String id(Instance plan, Life life) {
        return plan.resourceId(life.index());
    }

    private static String nova() {
        return "nova";
    }

    private static String publisher(Instance plan) {
        return "compute." + host(plan);
    }
}
