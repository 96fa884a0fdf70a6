package io.meterflow.timeseries.api.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.meterflow.timeseries.access.AccessPolicy;
import io.meterflow.timeseries.access.Caller;
import io.meterflow.timeseries.api.LinkHeader;
import io.meterflow.timeseries.api.QueryParameters;
import io.meterflow.timeseries.failure.NotFoundException;
import io.meterflow.timeseries.paging.PageRequest;
import io.meterflow.timeseries.resource.Resource;
import io.meterflow.timeseries.resource.ResourceListing;
import io.meterflow.timeseries.resource.ResourceService;
import io.meterflow.timeseries.resourcetype.ResourceType;
import io.meterflow.timeseries.resourcetype.ResourceTypeService;
import io.meterflow.timeseries.search.FilterStringParser;
import io.meterflow.timeseries.search.ResourceFilterCompiler;
import io.meterflow.timeseries.search.SearchQuery;
import io.meterflow.timeseries.search.SearchQueryParser;
import io.meterflow.timeseries.search.SqlCondition;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What listing, searching and bulk deletion of resources share: reading the filter (JSON body or
 * {@code ?filter=}), the caller's visibility, paging, and rendering with or without details.
 */
public final class ResourceSearches {

    private static final List<String> DEFAULT_SORT = List.of("revision_start:asc", "started_at:asc");

    private final ResourceService service;
    private final ResourceTypeService types;
    private final SearchQueryParser parser;
    private final ResourceFilterCompiler compiler;
    private final AccessPolicy access;
    private final ResourcesJson rendering;
    private final int maxLimit;

    public ResourceSearches(
            ResourceService service,
            ResourceTypeService types,
            SearchQueryParser parser,
            ResourceFilterCompiler compiler,
            AccessPolicy access,
            ResourcesJson rendering,
            int maxLimit) {
        this.rendering = rendering;
        this.service = service;
        this.types = types;
        this.parser = parser;
        this.compiler = compiler;
        this.access = access;
        this.maxLimit = maxLimit;
    }

    /** The search given in the body, else in {@code ?filter=}, else none. */
    public Optional<SearchQuery> filter(Caller caller, JsonNode body, String filterText) {
        if (body != null) {
            return parser.parse(body, caller.creator());
        }
        if (filterText != null && !filterText.isEmpty()) {
            return parser.parse(FilterStringParser.parse(filterText), caller.creator());
        }
        return Optional.empty();
    }

    public List<ResourceType> types() {
        return types.list();
    }

    /** Lists resources of a type matching {@code query}, answering with a Link header when paged. */
    public Response respond(String rule, Caller caller, ResourceType type, Optional<SearchQuery> query, UriInfo uri) {
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        return respond(rule, caller, type, query, uri, flag(parameters, "history"));
    }

    /** The revisions of one resource, oldest first unless sorted otherwise. */
    public Response respondHistory(Caller caller, ResourceType type, SearchQuery byId, UriInfo uri) {
        return respond("get resource", caller, type, Optional.of(byId), uri, true);
    }

    private Response respond(
            String rule, Caller caller, ResourceType type, Optional<SearchQuery> query, UriInfo uri, boolean history) {
        MultivaluedMap<String, String> parameters = uri.getQueryParameters();
        boolean details = flag(parameters, "details");
        PageRequest page = PageRequest.from(parameters, maxLimit, DEFAULT_SORT);
        SqlCondition condition = visibleTo(
                rule, caller, type, query.map(q -> compiler.compile(q, type)).orElse(SqlCondition.TRUE));
        List<Resource> found = service.list(new ResourceListing.Query(type, condition, history, page));
        List<String> attrs = parameters.get("attrs");
        // Types are looked up before the answer streams: a failure then is still a clean error.
        Map<String, ResourceType> detailedTypes = new HashMap<>();
        if (type.name().equals(ResourceType.GENERIC) && details) {
            found.forEach(resource -> detailedTypes.computeIfAbsent(resource.type(), this::typeOrNull));
        }
        Function<Resource, ResourceType> shownType = type.name().equals(ResourceType.GENERIC)
                ? resource -> detailedTypes.get(resource.type())
                : resource -> type;
        Response.ResponseBuilder response = Response.ok(
                rendering.of(found, shownType, attrs == null || attrs.isEmpty() ? null : Set.copyOf(attrs)),
                MediaType.APPLICATION_JSON_TYPE);
        if (!found.isEmpty() && found.size() >= page.limit()) {
            Resource last = found.get(found.size() - 1);
            String marker =
                    history ? last.id() + "@" + last.revision() : last.id().toString();
            response.header("Link", LinkHeader.next(uri, page, marker));
        }
        return response.build();
    }

    /**
     * Every resource of a type matching {@code query} that the caller may see, in the order of
     * {@code sorts} (Gnocchi's default when empty): what cross-resource aggregation reads.
     */
    public List<Resource> all(Caller caller, ResourceType type, Optional<SearchQuery> query, List<String> sorts) {
        return all(caller, type, query, sorts, false);
    }

    /**
     * The same over every revision when {@code history}: the search then matches each revision
     * on the attributes it had (Gnocchi 4.5's {@code use_history}).
     */
    public List<Resource> all(
            Caller caller, ResourceType type, Optional<SearchQuery> query, List<String> sorts, boolean history) {
        jakarta.ws.rs.core.MultivaluedMap<String, String> options = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        (sorts.isEmpty() ? DEFAULT_SORT : sorts).forEach(sort -> options.add("sort", sort));
        PageRequest page = PageRequest.from(options, Integer.MAX_VALUE, DEFAULT_SORT);
        SqlCondition condition = visibleTo(
                "search resource",
                caller,
                type,
                query.map(q -> compiler.compile(q, type)).orElse(SqlCondition.TRUE));
        return service.list(new ResourceListing.Query(type, condition, history, page));
    }

    /** When each of these resources was first indexed: its first revision's start. */
    public java.util.Map<java.util.UUID, java.time.Instant> firstRevisionStarts(
            java.util.Collection<java.util.UUID> ids) {
        return service.firstRevisionStarts(ids);
    }

    /** The filter of a bulk deletion, restricted to what the caller may see. */
    public SqlCondition deletionFilter(Caller caller, ResourceType type, SearchQuery query) {
        return visibleTo("delete resources", caller, type, compiler.compile(query, type));
    }

    /**
     * The condition restricted, in the query itself, to the rows {@code rule} lets the caller
     * read: owned by its project, created by it, or both, as Gnocchi's resource policy filter.
     */
    private SqlCondition visibleTo(String rule, Caller caller, ResourceType type, SqlCondition condition) {
        AccessPolicy.Visibility visibility = access.resourceVisibility(rule, caller, type.name());
        if (visibility.everything()) {
            return condition;
        }
        List<Object> parameters = new ArrayList<>(condition.parameters());
        List<String> visible = new ArrayList<>();
        if (visibility.owned()) {
            visible.add("r.project_id = ?");
            parameters.add(visibility.projectId());
        }
        if (visibility.created()) {
            visible.add("r.created_by_project_id = ?");
            parameters.add(visibility.projectId());
        }
        return new SqlCondition("(" + condition.sql() + ") AND (" + String.join(" OR ", visible) + ")", parameters);
    }

    private ResourceType typeOrNull(String name) {
        try {
            return types.get(name);
        } catch (NotFoundException deletedMeanwhile) {
            return null;
        }
    }

    private static boolean flag(MultivaluedMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        return value != null && QueryParameters.parseBoolean(name, value);
    }
}
