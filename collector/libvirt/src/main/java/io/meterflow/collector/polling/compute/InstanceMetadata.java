package io.meterflow.collector.polling.compute;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code resource_metadata} Ceilometer's compute pollsters attach to an instance's samples
 * (ceilometer.compute.util), from what the libvirt discovery knows. Instance user metadata
 * ({@code metering.*}) is not in the domain XML, as it is not for Ceilometer on this path.
 */
public final class InstanceMetadata {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Host ids by project and host: a few per host, asked for by every sample set of every cycle. */
    private static final Map<String, String> HOST_IDS = new ConcurrentHashMap<>();

    private InstanceMetadata() {}

    public static ObjectNode of(NovaInstance instance, PowerState state, String host) {
        Flavor flavor = instance.flavor();
        ObjectNode md = NODES.objectNode();
        md.put("architecture", instance.architecture());
        md.put("disk_gb", flavor.diskGb());
        md.put("display_name", instance.displayName());
        md.put("ephemeral_gb", flavor.ephemeralGb());
        ObjectNode flavorNode = md.putObject("flavor");
        flavorNode.put("disk", flavor.diskGb());
        flavorNode.put("ephemeral", flavor.ephemeralGb());
        flavorNode.put("id", flavor.name());
        flavorNode.put("name", flavor.name());
        flavorNode.put("ram", flavor.ramMb());
        flavorNode.put("swap", flavor.swapMb());
        flavorNode.put("vcpus", flavor.vcpus());
        md.put("host", hostId(instance.projectId(), host));
        if (instance.imageId() != null) {
            md.putObject("image").put("id", instance.imageId());
        } else {
            md.putNull("image");
        }
        md.put("image_ref", instance.imageId());
        md.putNull("image_ref_url");
        md.put("instance_host", host);
        md.put("instance_id", instance.id());
        md.put("instance_type", flavor.name());
        md.put("memory_mb", flavor.ramMb());
        md.put("name", instance.domainName());
        md.put("os_type", instance.osType());
        // Ceilometer's quirk, kept: disk minus ephemeral, negative for flavors with a large ephemeral disk.
        if (flavor.diskGb() != null && flavor.ephemeralGb() != null) {
            md.put("root_gb", flavor.diskGb() - flavor.ephemeralGb());
        } else {
            md.putNull("root_gb");
        }
        md.put("state", state.state());
        md.put("status", state.status());
        md.put("task_state", "");
        md.put("vcpus", flavor.vcpus());
        return md;
    }

    /** Nova's {@code hostId}: sha224 of project id and host name, so tenants cannot see host names. */
    static String hostId(String projectId, String host) {
        if (HOST_IDS.size() > 10_000) {
            HOST_IDS.clear();
        }
        return HOST_IDS.computeIfAbsent(projectId + host, InstanceMetadata::sha224);
    }

    private static String sha224(String projectAndHost) {
        try {
            MessageDigest sha224 = MessageDigest.getInstance("SHA-224");
            return HexFormat.of().formatHex(sha224.digest(projectAndHost.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-224", e);
        }
    }
}
