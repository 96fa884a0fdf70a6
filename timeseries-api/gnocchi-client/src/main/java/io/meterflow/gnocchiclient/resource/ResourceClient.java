package io.meterflow.gnocchiclient.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.meterflow.gnocchiclient.error.GnocchiResponseException;
import io.meterflow.gnocchiclient.internal.GnocchiHttp;
import io.meterflow.gnocchiclient.internal.QueryString;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Finds and reads resources. */
public final class ResourceClient {

    private final GnocchiHttp http;

    public ResourceClient(GnocchiHttp http) {
        this.http = http;
    }

    /** One page of a search. */
    public List<Resource> search(ResourceSearch search) {
        String path = "search/resource/" + QueryString.segment(search.resourceType());
        return ResourceJson.list(
                http.post(path, search.toQueryString(), search.query().toJson()));
    }

    /**
     * Every page of a search, from {@code search}'s marker on, following Gnocchi's pagination (the
     * next marker is the last id of a page). It stops on an empty page rather than on a short one:
     * the server may cap the page size below the requested limit, and a usage read that silently
     * misses resources would under-bill, so one more request is the cheaper risk.
     *
     * @throws IllegalArgumentException for a history search, whose revisions share ids and so
     *                                  cannot be paged by id
     */
    public List<Resource> searchAll(ResourceSearch search) {
        if (search.history()) {
            throw new IllegalArgumentException(
                    "a history search cannot be paged by resource id; page it with search()");
        }
        List<Resource> all = new ArrayList<>();
        ResourceSearch page = search;
        while (true) {
            List<Resource> resources = search(page);
            if (resources.isEmpty()) {
                return List.copyOf(all);
            }
            all.addAll(resources);
            String next = resources.get(resources.size() - 1).id().toString();
            if (next.equals(page.marker())) {
                throw new GnocchiResponseException("pagination does not advance: marker " + next + " came back");
            }
            page = page.after(next);
        }
    }

    /** {@code GET /v1/resource/{type}/{id}}; {@code id} is the UUID or the original id. */
    public Resource get(String resourceType, String id) {
        return ResourceJson.one(
                http.get(path(resourceType) + "/" + QueryString.segment(requireText("id", id)), QueryString.empty()));
    }

    /**
     * {@code POST /v1/resource/{type}} with {@code body} as Gnocchi documents it ({@code id},
     * {@code project_id}, {@code started_at}, {@code metrics}: name → {@code {"archive_policy_name": ...}}
     * or a metric id, and the type's attributes).
     *
     * @throws io.meterflow.gnocchiclient.error.GnocchiConflictException if the id exists
     */
    public Resource create(String resourceType, ObjectNode body) {
        Objects.requireNonNull(body, "body");
        JsonNode created = http.post(path(resourceType), QueryString.empty(), body);
        return ResourceJson.one(created);
    }

    private static String path(String resourceType) {
        return "resource/" + QueryString.segment(requireText("resourceType", resourceType));
    }

    private static String requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
