package io.meterflow.gnocchiclient.archivepolicy;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.gnocchiclient.error.GnocchiResponseException;
import io.meterflow.gnocchiclient.internal.GnocchiHttp;
import io.meterflow.gnocchiclient.internal.PythonTimedelta;
import io.meterflow.gnocchiclient.internal.QueryString;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads archive policies. */
public final class ArchivePolicyClient {

    private final GnocchiHttp http;

    public ArchivePolicyClient(GnocchiHttp http) {
        this.http = http;
    }

    /** {@code GET /v1/archive_policy}. */
    public List<ArchivePolicy> list() {
        JsonNode answer = http.get("archive_policy", QueryString.empty());
        if (!answer.isArray()) {
            throw new GnocchiResponseException("expected a list of archive policies, got " + answer.getNodeType());
        }
        List<ArchivePolicy> policies = new ArrayList<>();
        answer.forEach(policy -> policies.add(read(policy)));
        return List.copyOf(policies);
    }

    /** {@code GET /v1/archive_policy/{name}}. */
    public ArchivePolicy get(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("archive policy name must not be blank");
        }
        return read(http.get("archive_policy/" + QueryString.segment(name), QueryString.empty()));
    }

    static ArchivePolicy read(JsonNode policy) {
        try {
            Set<String> methods = new LinkedHashSet<>();
            policy.path("aggregation_methods").forEach(method -> methods.add(method.asText()));
            List<ArchivePolicyItem> items = new ArrayList<>();
            for (JsonNode item : policy.path("definition")) {
                items.add(new ArchivePolicyItem(
                        PythonTimedelta.parse(item.path("granularity").asText()),
                        item.path("points").asLong(),
                        PythonTimedelta.parse(item.path("timespan").asText())));
            }
            return new ArchivePolicy(
                    policy.path("name").asText(), policy.path("back_window").asInt(), methods, items);
        } catch (IllegalArgumentException invalid) {
            throw new GnocchiResponseException(
                    "unreadable archive policy " + policy.path("name") + ": " + invalid.getMessage(), invalid);
        }
    }
}
