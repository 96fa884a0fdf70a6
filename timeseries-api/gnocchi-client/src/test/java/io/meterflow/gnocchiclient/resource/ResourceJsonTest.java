package io.meterflow.gnocchiclient.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.meterflow.gnocchiclient.internal.GnocchiJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResourceJsonTest {

    @Test
    void readsAnInstanceAsGnocchiDocumentsIt() throws Exception {
        // POST /v1/search/resource/instance, shaped as in Gnocchi's REST API documentation.
        List<Resource> resources = ResourceJson.list(GnocchiJson.newMapper().readTree("""
                [{"id": "75c44741-cc60-4033-804e-2d3098c7d2e9", "type": "instance",
                  "project_id": "bd3a1e52-1c62-44cb-bf04-660bd88cd74d",
                  "user_id": "bd3a1e52-1c62-44cb-bf04-660bd88cd74d",
                  "original_resource_id": "75C44741-CC60-4033-804E-2D3098C7D2E9",
                  "started_at": "2014-01-02T23:23:34.123456+00:00", "ended_at": null,
                  "revision_start": "2014-01-02T23:23:34.123456+00:00", "revision_end": null,
                  "creator": "admin", "created_by_user_id": "admin", "created_by_project_id": "",
                  "metrics": {"cpu.util": "2e0e0a1c-9a2b-4b6d-9bbe-a7cb0b8a4b4f"},
                  "flavor_id": "2", "host": "compute1", "display_name": "myvm", "image_ref": "imageref!",
                  "server_group": null}]"""));

        assertThat(resources).hasSize(1);
        Resource instance = resources.get(0);
        assertThat(instance.id()).isEqualTo(UUID.fromString("75c44741-cc60-4033-804e-2d3098c7d2e9"));
        assertThat(instance.type()).isEqualTo("instance");
        assertThat(instance.projectId()).isEqualTo("bd3a1e52-1c62-44cb-bf04-660bd88cd74d");
        assertThat(instance.originalResourceId()).isEqualTo("75C44741-CC60-4033-804E-2D3098C7D2E9");
        assertThat(instance.startedAt()).isEqualTo(Instant.parse("2014-01-02T23:23:34.123456Z"));
        assertThat(instance.endedAt()).isNull();
        assertThat(instance.revisionEnd()).isNull();
        assertThat(instance.metrics())
                .isEqualTo(Map.of("cpu.util", UUID.fromString("2e0e0a1c-9a2b-4b6d-9bbe-a7cb0b8a4b4f")));
        assertThat(instance.attributes().get("host").asText()).isEqualTo("compute1");
        assertThat(instance.attributes().get("server_group").isNull()).isTrue();
        assertThat(instance.attributes().has("creator")).isTrue();
        assertThat(instance.attributes().has("metrics")).isFalse();
        assertThat(instance.attributes().has("started_at")).isFalse();
        assertThat(instance.existedDuring(Instant.parse("2014-01-01T00:00:00Z"), Instant.parse("2014-01-03T00:00:00Z")))
                .isTrue();
    }

    @Test
    void attributesCannotBeChangedFromOutside() throws Exception {
        Resource resource = ResourceJson.one(GnocchiJson.newMapper().readTree("""
                {"id": "75c44741-cc60-4033-804e-2d3098c7d2e9", "type": "generic",
                 "started_at": "2014-01-02T23:23:34+00:00", "metrics": {}, "host": "a"}"""));

        resource.attributes().put("host", "b");

        assertThat(resource.attributes().get("host").asText()).isEqualTo("a");
    }
}
