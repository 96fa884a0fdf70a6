package io.meterflow.collector.polling.compute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.collector.polling.PollStamp;
import io.meterflow.wire.Sample;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Builds the samples of one domain in one cycle. The sample id is derived from meter, resource
 * and timestamp, so a cycle published twice yields the same ids and consumers drop the repeat.
 */
final class ComputeSamples {

    static final String SOURCE = "openstack";

    private final DomainStats stats;
    private final PollStamp stamp;
    private final ObjectNode instanceMetadata;
    private final String timestamp;

    ComputeSamples(DomainStats stats, PollStamp stamp) {
        this.stats = stats;
        this.stamp = stamp;
        this.instanceMetadata = InstanceMetadata.of(stats.instance(), stats.state(), stamp.host());
        this.timestamp = stamp.timestamp();
    }

    /** A copy of the instance's metadata, for pollsters that add their own keys. */
    ObjectNode metadata() {
        return instanceMetadata.deepCopy();
    }

    Sample instance(String name, String type, String unit, JsonNode volume) {
        return sample(name, type, unit, volume, stats.instance().id(), instanceMetadata);
    }

    Sample sample(String name, String type, String unit, JsonNode volume, String resourceId, ObjectNode metadata) {
        String id = UUID.nameUUIDFromBytes(
                        (name + '\n' + resourceId + '\n' + timestamp).getBytes(StandardCharsets.UTF_8))
                .toString();
        NovaInstance instance = stats.instance();
        return new Sample(
                id,
                name,
                type,
                unit,
                volume,
                instance.userId(),
                instance.projectId(),
                resourceId,
                timestamp,
                metadata,
                SOURCE,
                stamp.cycleId());
    }

    static JsonNode count(long value) {
        return LongNode.valueOf(value);
    }

    /** KiB to MB as Ceilometer divides (Python 3 true division, so always a float). */
    static JsonNode mebibytes(long kib) {
        return DoubleNode.valueOf(kib / 1024.0);
    }
}
