package io.meterflow.timeseries.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.api.ConditionalRequest;
import io.meterflow.timeseries.resourcetype.AttributeSchema;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.time.Timestamps;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A resource as Gnocchi's API shows it: generic fields, the metrics map, type attributes flattened. */
public final class ResourceView {

    private ResourceView() {
    }

    /** {@code type} is the resource's own type for a detailed view, or null for generic fields only. */
    public static Map<String, Object> of(Resource resource, ResourceType type) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", resource.id().toString());
        json.put("creator", resource.creator());
        json.put("started_at", format(resource.startedAt()));
        json.put("revision_start", format(resource.revisionStart()));
        json.put("ended_at", format(resource.endedAt()));
        json.put("user_id", resource.userId());
        json.put("project_id", resource.projectId());
        json.put("original_resource_id", resource.originalResourceId());
        json.put("type", resource.type());
        json.put("revision_end", format(resource.revisionEnd()));
        Map<String, String> metrics = new TreeMap<>();
        resource.metrics().forEach((name, id) -> metrics.put(name, id.toString()));
        json.put("metrics", metrics);
        json.put("created_by_user_id", resource.createdByUserId());
        json.put("created_by_project_id", resource.createdByProjectId());
        if (type != null) {
            for (AttributeSchema attribute : type.attributes()) {
                JsonNode value = resource.attributes().get(attribute.name());
                json.put(attribute.name(), value == null || value.isNull() ? null : value);
            }
        }
        return json;
    }

    /**
     * The resource's entity tag and modification time as Gnocchi derives them: the SHA-1 of the
     * id and the revision's start as shown, and that start to the second. Any change that makes
     * a revision changes both.
     */
    public static ConditionalRequest.Version version(Resource resource) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(resource.id().toString().getBytes(StandardCharsets.UTF_8));
            sha1.update(format(resource.revisionStart()).getBytes(StandardCharsets.UTF_8));
            return new ConditionalRequest.Version(HexFormat.of().formatHex(sha1.digest()),
                    resource.revisionStart().truncatedTo(ChronoUnit.SECONDS));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime has SHA-1", missing);
        }
    }

    static String format(Instant instant) {
        if (instant == null) {
            return null;
        }
        return Timestamps.format(instant.getEpochSecond() * 1_000_000_000L + instant.getNano());
    }
}
