package io.meterflow.timeseries.api.status;

import io.meterflow.timeseries.archivepolicy.AggregationMethodSet;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** {@code /v1/capabilities}: the aggregation methods archive policies may use. */
@Path("/v1/capabilities")
@Produces(MediaType.APPLICATION_JSON)
public final class CapabilitiesResource {

    @GET
    public Map<String, List<String>> capabilities() {
        return Map.of(
                "aggregation_methods",
                AggregationMethodSet.ALL.stream().sorted().toList());
    }
}
