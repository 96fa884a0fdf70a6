package io.meterflow.collector.meter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.collector.meter.path.JsonPath;
import io.meterflow.collector.notification.CeilometerTime;
import io.meterflow.collector.notification.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One notification as the definitions that match it read it. Several usually match (five instance
 * meters fire on every compute.instance event) and ask the same questions: the user and project
 * fallback, the same {@code metadata} map (one YAML anchor), the same timestamp in Ceilometer's
 * form (a regular expression and a format each time). Each is answered once here rather than once
 * per definition; equal metadata then is one node shared by the samples, never modified
 * after it is built, which the sample writer recognises and serialises once.
 */
final class Evaluation {

    /**
     * Ceilometer's fallback, fixed: it meant {@code ctxt.user_id}, else {@code ctxt.user}, but its
     * path {@code ctxt.user_id|ctxt.user} parses as {@code ctxt.(user_id|ctxt).user} and never matches.
     */
    private static final List<JsonPath> USER_FALLBACK =
            List.of(JsonPath.parse("ctxt.user_id"), JsonPath.parse("ctxt.user"));

    private static final List<JsonPath> PROJECT_FALLBACK =
            List.of(JsonPath.parse("ctxt.project_id"), JsonPath.parse("ctxt.tenant_id"));

    private final Notification notification;
    private final ObjectNode document;
    private JsonNode user;
    private JsonNode project;
    private final List<Metadata> metadata = new ArrayList<>(2);
    private String timeAsSent;
    private String timeNormalized;

    Evaluation(Notification notification) {
        this.notification = notification;
        this.document = notification.document();
    }

    Notification notification() {
        return notification;
    }

    /** The document meter definitions query (see {@link Notification#document()}). */
    ObjectNode document() {
        return document;
    }

    JsonNode userFallback() {
        if (user == null) {
            user = firstNonNull(USER_FALLBACK);
        }
        return user;
    }

    JsonNode projectFallback() {
        if (project == null) {
            project = firstNonNull(PROJECT_FALLBACK);
        }
        return project;
    }

    /** The metadata these fields give, built by {@code build} the first time they are asked for. */
    ObjectNode metadata(Map<String, Field> fields, Field userMetadata, Supplier<ObjectNode> build) {
        for (Metadata known : metadata) {
            if (known.fields().equals(fields) && Objects.equals(known.userMetadata(), userMetadata)) {
                return known.value();
            }
        }
        ObjectNode value = build.get();
        metadata.add(new Metadata(fields, userMetadata, value));
        return value;
    }

    /** {@link CeilometerTime#normalize}, remembered for the last text asked. */
    String normalizedTime(String text) {
        if (text == null || !text.equals(timeAsSent)) {
            timeNormalized = CeilometerTime.normalize(text);
            timeAsSent = text;
        }
        return timeNormalized;
    }

    private JsonNode firstNonNull(List<JsonPath> paths) {
        for (JsonPath path : paths) {
            for (JsonNode value : path.find(document)) {
                if (!value.isNull()) {
                    return value;
                }
            }
        }
        return NullNode.instance;
    }

    private record Metadata(Map<String, Field> fields, Field userMetadata, ObjectNode value) {}
}
