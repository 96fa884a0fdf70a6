package io.meterflow.rating.dataframes;

import io.meterflow.rating.access.Caller;
import io.meterflow.rating.api.Timestamps;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudKitty's v1 storage API: every rated point as a v1 dataframe of one resource, whose
 * {@code desc} is the point's metadata overlaid with its groupby, as storage v1 returned them.
 * Without bounds it reads everything stored for the tenant.
 */
@Path("/v1/storage/dataframes")
@Produces(MediaType.APPLICATION_JSON)
public final class StorageResource {

    private static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    private final RatedDataStore store;
    private final String scopeKey;

    public StorageResource(RatedDataStore store, String scopeKey) {
        this.store = store;
        this.scopeKey = scopeKey;
    }

    @GET
    public Map<String, Object> dataframes(
            @QueryParam("begin") String begin,
            @QueryParam("end") String end,
            @QueryParam("tenant_id") String asked,
            @QueryParam("resource_type") String resourceType,
            @Context SecurityContext security) {
        Caller caller = Caller.of(security);
        // CloudKitty: an admin reads the project asked for, or all; anyone else the project asked
        // for (the policy let it through only if it is the caller's own), else its own.
        String tenantId = caller.isAdmin() ? asked : asked != null ? asked : caller.projectId();
        if (!caller.isAdmin() && tenantId == null) {
            return Map.of("dataframes", List.of());
        }
        Instant from = begin == null ? EARLIEST : Periods.parse("begin", begin);
        Instant to = end == null ? LATEST : Periods.parse("end", end);
        if (!from.isBefore(to)) {
            return Map.of("dataframes", List.of());
        }
        Map<String, List<String>> filters = tenantId == null ? Map.of() : Map.of(scopeKey, List.of(tenantId));
        List<String> types = resourceType == null ? List.of() : List.of(resourceType);
        List<Map<String, Object>> frames = new ArrayList<>();
        for (RatedPoint rated :
                store.points(from, to, filters, types, 0, Integer.MAX_VALUE).points()) {
            Map<String, Object> desc = new LinkedHashMap<>(rated.point().metadata());
            desc.putAll(rated.point().groupby());
            Map<String, Object> resource = new LinkedHashMap<>();
            resource.put("desc", desc);
            resource.put("service", rated.type());
            resource.put("volume", plain(rated.point().quantity()));
            resource.put("rating", plain(rated.point().price()));
            Map<String, Object> frame = new LinkedHashMap<>();
            frame.put("begin", Timestamps.naive(rated.begin()));
            frame.put("end", Timestamps.naive(rated.end()));
            Object tenant = rated.point().groupby().get(scopeKey);
            frame.put("tenant_id", tenant == null ? "__UNDEF__" : tenant);
            frame.put("resources", List.of(resource));
            frames.add(frame);
        }
        return Map.of("dataframes", frames);
    }

    /** Storage v1 printed its Decimals without trailing zeros: a quantity of 1.0 reads "1". */
    private static String plain(java.math.BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
