package io.meterflow.rating.hashmap;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.api.Timestamps;
import io.meterflow.rating.api.WsmeBody;
import io.meterflow.rating.hashmap.HashMapRows.MappingRow;
import io.meterflow.rating.hashmap.HashMapRows.RuleFilter;
import io.meterflow.rating.hashmap.HashMapRows.RuleWindow;
import io.meterflow.rating.hashmap.HashMapRows.ThresholdRow;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * CloudKitty's hashmap configuration API ({@code /v1/rating/module_config/hashmap}), with its
 * status codes: 201 and a Location on creation, 302 on update, 204 on delete.
 */
@Path("/v1/rating/module_config/hashmap")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class HashMapResource {

    private static final List<String> MAP_TYPES = List.of("flat", "rate");

    private final HashMapStore store;

    public HashMapResource(HashMapStore store) {
        this.store = store;
    }

    @GET
    @Path("types")
    public List<String> types() {
        return MAP_TYPES;
    }

    // ---------------------------------------------------------------- services

    @GET
    @Path("services")
    public Map<String, Object> services() {
        return Map.of("services", list(store.services(), HashMapViews::service));
    }

    @GET
    @Path("services/{id}")
    public Map<String, Object> service(@PathParam("id") String serviceId) {
        return HashMapViews.service(store.service(serviceId));
    }

    @POST
    @Path("services")
    public Response createService(JsonNode body, @Context UriInfo uri) {
        var created = store.createService(WsmeBody.of(body).mandatoryText("name"));
        return created(uri, created.serviceId(), HashMapViews.service(created));
    }

    @DELETE
    @Path("services/{id}")
    public Response deleteService(@PathParam("id") String serviceId, @HeaderParam("X-User-Id") String actor) {
        store.deleteService(serviceId, actor);
        return Response.noContent().build();
    }

    // ---------------------------------------------------------------- fields

    @GET
    @Path("fields")
    public Map<String, Object> fields(@QueryParam("service_id") String serviceId) {
        if (serviceId == null) {
            throw io.meterflow.rating.api.CloudKittyError.badRequest(
                    "Invalid input for field/attribute service_id. Value: 'None'. Mandatory field missing.");
        }
        return Map.of("fields", list(store.fields(serviceId), HashMapViews::field));
    }

    @GET
    @Path("fields/{id}")
    public Map<String, Object> field(@PathParam("id") String fieldId) {
        return HashMapViews.field(store.field(fieldId));
    }

    @POST
    @Path("fields")
    public Response createField(JsonNode body, @Context UriInfo uri) {
        WsmeBody fields = WsmeBody.of(body);
        var created = store.createField(fields.mandatoryText("service_id"), fields.mandatoryText("name"));
        return created(uri, created.fieldId(), HashMapViews.field(created));
    }

    @DELETE
    @Path("fields/{id}")
    public Response deleteField(@PathParam("id") String fieldId, @HeaderParam("X-User-Id") String actor) {
        store.deleteField(fieldId, actor);
        return Response.noContent().build();
    }

    // ---------------------------------------------------------------- groups

    @GET
    @Path("groups")
    public Map<String, Object> groups() {
        return Map.of("groups", list(store.groups(), HashMapViews::group));
    }

    @GET
    @Path("groups/mappings")
    public Map<String, Object> groupMappings(@QueryParam("group_id") String groupId) {
        store.group(groupId);
        return Map.of(
                "mappings",
                list(store.mappings(new RuleFilter(null, null, groupId, false, false, null)), HashMapViews::mapping));
    }

    @GET
    @Path("groups/thresholds")
    public Map<String, Object> groupThresholds(@QueryParam("group_id") String groupId) {
        store.group(groupId);
        return Map.of(
                "thresholds",
                list(
                        store.thresholds(new RuleFilter(null, null, groupId, false, false, null)),
                        HashMapViews::threshold));
    }

    @GET
    @Path("groups/{id}")
    public Map<String, Object> group(@PathParam("id") String groupId) {
        return HashMapViews.group(store.group(groupId));
    }

    @POST
    @Path("groups")
    public Response createGroup(JsonNode body, @Context UriInfo uri) {
        var created = store.createGroup(WsmeBody.of(body).mandatoryText("name"));
        return created(uri, created.groupId(), HashMapViews.group(created));
    }

    @DELETE
    @Path("groups/{id}")
    public Response deleteGroup(
            @PathParam("id") String groupId,
            @QueryParam("recursive") @DefaultValue("false") boolean recursive,
            @HeaderParam("X-User-Id") String actor) {
        store.deleteGroup(groupId, recursive, actor);
        return Response.noContent().build();
    }

    // ---------------------------------------------------------------- mappings

    @GET
    @Path("mappings")
    public Map<String, Object> mappings(@BeanParam RuleFilterParams parameters) {
        return Map.of("mappings", list(store.mappings(parameters.filter()), HashMapViews::mapping));
    }

    @GET
    @Path("mappings/group")
    public Map<String, Object> mappingGroup(@QueryParam("mapping_id") String mappingId) {
        return HashMapViews.group(store.groupOfMapping(mappingId));
    }

    @GET
    @Path("mappings/{id}")
    public Map<String, Object> mapping(@PathParam("id") String mappingId) {
        return HashMapViews.mapping(store.mapping(mappingId));
    }

    @POST
    @Path("mappings")
    public Response createMapping(JsonNode body, @Context UriInfo uri, @HeaderParam("X-User-Id") String actor) {
        WsmeBody mapping = WsmeBody.of(body);
        String type = mapping.oneOf("type", MAP_TYPES, "flat");
        BigDecimal cost = mapping.mandatoryDecimal("cost");
        MappingRow created = store.createMapping(
                mapping.text("value", ""),
                type,
                cost,
                mapping.text("service_id", null),
                mapping.text("field_id", null),
                mapping.text("group_id", null),
                mapping.text("tenant_id", null),
                window(mapping),
                actor);
        return created(uri, created.mappingId(), HashMapViews.mapping(created));
    }

    @PUT
    @Path("mappings/{id}")
    public Response updateMapping(
            @PathParam("id") String mappingId,
            JsonNode body,
            @Context UriInfo uri,
            @HeaderParam("X-User-Id") String actor) {
        WsmeBody mapping = WsmeBody.of(body);
        String type = mapping.oneOf("type", MAP_TYPES, "flat");
        BigDecimal cost = mapping.mandatoryDecimal("cost");
        store.updateMapping(
                mappingId,
                mapping.text("value", ""),
                type,
                cost,
                mapping.text("group_id", null),
                mapping.text("tenant_id", null),
                time(mapping, "end"),
                actor);
        return Response.status(302).location(uri.getAbsolutePath()).build();
    }

    @DELETE
    @Path("mappings/{id}")
    public Response deleteMapping(@PathParam("id") String mappingId, @HeaderParam("X-User-Id") String actor) {
        store.deleteMapping(mappingId, actor);
        return Response.noContent().build();
    }

    // ---------------------------------------------------------------- thresholds

    @GET
    @Path("thresholds")
    public Map<String, Object> thresholds(@BeanParam RuleFilterParams parameters) {
        return Map.of("thresholds", list(store.thresholds(parameters.filter()), HashMapViews::threshold));
    }

    @GET
    @Path("thresholds/group")
    public Map<String, Object> thresholdGroup(@QueryParam("threshold_id") String thresholdId) {
        return HashMapViews.group(store.groupOfThreshold(thresholdId));
    }

    @GET
    @Path("thresholds/{id}")
    public Map<String, Object> threshold(@PathParam("id") String thresholdId) {
        return HashMapViews.threshold(store.threshold(thresholdId));
    }

    @POST
    @Path("thresholds")
    public Response createThreshold(JsonNode body, @Context UriInfo uri, @HeaderParam("X-User-Id") String actor) {
        WsmeBody threshold = WsmeBody.of(body);
        String type = threshold.oneOf("type", MAP_TYPES, "flat");
        BigDecimal level = threshold.mandatoryDecimal("level");
        BigDecimal cost = threshold.mandatoryDecimal("cost");
        ThresholdRow created = store.createThreshold(
                level,
                type,
                cost,
                threshold.text("service_id", null),
                threshold.text("field_id", null),
                threshold.text("group_id", null),
                threshold.text("tenant_id", null),
                window(threshold),
                actor);
        return created(uri, created.thresholdId(), HashMapViews.threshold(created));
    }

    @PUT
    @Path("thresholds/{id}")
    public Response updateThreshold(
            @PathParam("id") String thresholdId,
            JsonNode body,
            @Context UriInfo uri,
            @HeaderParam("X-User-Id") String actor) {
        WsmeBody threshold = WsmeBody.of(body);
        String type = threshold.oneOf("type", MAP_TYPES, "flat");
        BigDecimal level = threshold.mandatoryDecimal("level");
        BigDecimal cost = threshold.mandatoryDecimal("cost");
        store.updateThreshold(
                thresholdId,
                level,
                type,
                cost,
                threshold.text("group_id", null),
                threshold.text("tenant_id", null),
                time(threshold, "end"),
                actor);
        return Response.status(302).location(uri.getAbsolutePath()).build();
    }

    @DELETE
    @Path("thresholds/{id}")
    public Response deleteThreshold(@PathParam("id") String thresholdId, @HeaderParam("X-User-Id") String actor) {
        store.deleteThreshold(thresholdId, actor);
        return Response.noContent().build();
    }

    // ---------------------------------------------------------------- helpers

    /** CloudKitty 23's {@code start}, {@code end} and {@code force}; none given: a rule that always prices. */
    private static RuleWindow window(WsmeBody rule) {
        Boolean force = rule.bool("force");
        return new RuleWindow(time(rule, "start"), time(rule, "end"), force != null && force);
    }

    private static Instant time(WsmeBody rule, String attribute) {
        String text = rule.text(attribute, null);
        if (text == null) {
            return null;
        }
        return Timestamps.parse(text)
                .orElseThrow(() -> CloudKittyError.badRequest("Invalid input for field/attribute " + attribute
                        + ". Value: '" + text + "'. Unable to convert to datetime"));
    }

    private static <T> List<Map<String, Object>> list(List<T> rows, Function<T, Map<String, Object>> view) {
        return rows.stream().map(view).toList();
    }

    /** 201 with the Location CloudKitty gives: the collection's URL, a slash, the new id. */
    private static Response created(UriInfo uri, String id, Map<String, Object> view) {
        String collection = uri.getAbsolutePath().toString();
        if (!collection.endsWith("/")) {
            collection += "/";
        }
        return Response.created(URI.create(collection + id)).entity(view).build();
    }
}
