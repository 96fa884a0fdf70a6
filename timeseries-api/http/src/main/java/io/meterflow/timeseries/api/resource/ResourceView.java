package io.meterflow.timeseries.api.resource;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import io.meterflow.timeseries.api.ConditionalRequest;
import io.meterflow.timeseries.resource.Resource;
import io.meterflow.timeseries.resourcetype.AttributeSchema;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.time.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A resource as Gnocchi's API shows it: generic fields, the metrics map, type attributes
 * flattened. The fields are listed once ({@link #describe}) and go either into a map, for
 * answers that embed or inspect a resource, or straight to a JSON stream, for listings of
 * hundreds of resources, where building maps and serializing them was most of a search's time.
 */
public final class ResourceView {

    /** Where the fields of a view go, in Gnocchi's order. */
    interface Fields {

        void text(String name, String value);

        /** The named metrics, sorted by name. */
        void metrics(Map<String, UUID> byName);

        /** A type attribute as stored, or null when the resource has none. */
        void attribute(String name, JsonNode value);
    }

    private ResourceView() {}

    /** {@code type} is the resource's own type for a detailed view, or null for generic fields only. */
    public static Map<String, Object> of(Resource resource, ResourceType type) {
        Map<String, Object> json = new LinkedHashMap<>();
        describe(resource, type, new Fields() {
            @Override
            public void text(String name, String value) {
                json.put(name, value);
            }

            @Override
            public void metrics(Map<String, UUID> byName) {
                Map<String, String> metrics = new TreeMap<>();
                byName.forEach((metric, id) -> metrics.put(metric, id.toString()));
                json.put("metrics", metrics);
            }

            @Override
            public void attribute(String name, JsonNode value) {
                json.put(name, value);
            }
        });
        return json;
    }

    /**
     * Writes the view as one JSON object; {@code shown} selects the fields (Gnocchi's
     * {@code attrs=}), every field when null.
     */
    static void write(JsonGenerator generator, Resource resource, ResourceType type, Set<String> shown)
            throws IOException {
        generator.writeStartObject();
        try {
            describe(resource, type, new Fields() {
                @Override
                public void text(String name, String value) {
                    if (shown == null || shown.contains(name)) {
                        write(() -> generator.writeStringField(name, value));
                    }
                }

                @Override
                public void metrics(Map<String, UUID> byName) {
                    if (shown == null || shown.contains("metrics")) {
                        write(() -> {
                            generator.writeObjectFieldStart("metrics");
                            for (Map.Entry<String, UUID> metric : new TreeMap<>(byName).entrySet()) {
                                generator.writeStringField(
                                        metric.getKey(), metric.getValue().toString());
                            }
                            generator.writeEndObject();
                        });
                    }
                }

                @Override
                public void attribute(String name, JsonNode value) {
                    if (shown == null || shown.contains(name)) {
                        write(() -> {
                            generator.writeFieldName(name);
                            writeJson(generator, value);
                        });
                    }
                }
            });
        } catch (UncheckedIOException failed) {
            throw failed.getCause();
        }
        generator.writeEndObject();
    }

    /**
     * A stored value, written node by node: {@code ObjectMapper.writeTree} would build a
     * serializer provider and flush the stream for every attribute of every resource.
     */
    private static void writeJson(JsonGenerator generator, JsonNode value) throws IOException {
        if (value == null) {
            generator.writeNull();
        } else if (value.isObject()) {
            generator.writeStartObject();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                generator.writeFieldName(field.getKey());
                writeJson(generator, field.getValue());
            }
            generator.writeEndObject();
        } else if (value.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : value) {
                writeJson(generator, element);
            }
            generator.writeEndArray();
        } else {
            ((ValueNode) value).serialize(generator, null); // scalars need no provider
        }
    }

    private static void describe(Resource resource, ResourceType type, Fields out) {
        out.text("id", resource.id().toString());
        out.text("creator", resource.creator());
        out.text("started_at", format(resource.startedAt()));
        out.text("revision_start", format(resource.revisionStart()));
        out.text("ended_at", format(resource.endedAt()));
        out.text("user_id", resource.userId());
        out.text("project_id", resource.projectId());
        out.text("original_resource_id", resource.originalResourceId());
        out.text("type", resource.type());
        out.text("revision_end", format(resource.revisionEnd()));
        out.metrics(resource.metrics());
        out.text("created_by_user_id", resource.createdByUserId());
        out.text("created_by_project_id", resource.createdByProjectId());
        if (type != null) {
            for (AttributeSchema attribute : type.attributes()) {
                JsonNode value = resource.attributes().get(attribute.name());
                out.attribute(attribute.name(), value == null || value.isNull() ? null : value);
            }
        }
    }

    private interface JsonWrite {
        void run() throws IOException;
    }

    private static void write(JsonWrite write) {
        try {
            write.run();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
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
            return new ConditionalRequest.Version(
                    HexFormat.of().formatHex(sha1.digest()),
                    resource.revisionStart().truncatedTo(ChronoUnit.SECONDS));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("every Java runtime has SHA-1", missing);
        }
    }

    static String format(Instant instant) {
        return Timestamps.format(instant);
    }
}
