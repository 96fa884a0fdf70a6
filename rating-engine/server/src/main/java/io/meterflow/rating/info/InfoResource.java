package io.meterflow.rating.info;

import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.usage.MetricDefinition;
import io.meterflow.rating.usage.MetricsConfiguration;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/info}: the metrics configuration as loaded ({@code config}) and each rated metric
 * under the name it is rated as ({@code metrics}, {@code services}), as CloudKitty's info API.
 */
@Path("/v1/info")
@Produces(MediaType.APPLICATION_JSON)
public final class InfoResource {

    private final Map<String, Object> loadedFile;
    private final MetricsConfiguration metrics;

    /** {@code loadedFile} is the metrics.yml document as read, echoed by {@code /config}. */
    public InfoResource(Map<String, Object> loadedFile, MetricsConfiguration metrics) {
        this.loadedFile = loadedFile;
        this.metrics = metrics;
    }

    @GET
    @Path("config")
    public Map<String, Object> config() {
        return loadedFile;
    }

    @GET
    @Path("metrics")
    public Map<String, Object> metrics() {
        return Map.of(
                "metrics",
                metrics.definitions().stream().map(InfoResource::view).toList());
    }

    @GET
    @Path("metrics/{id}")
    public Map<String, Object> metric(@PathParam("id") String id) {
        return metrics.definitions().stream()
                .filter(d -> d.ratingType().equals(id))
                .findFirst()
                .map(InfoResource::view)
                .orElseThrow(() -> CloudKittyError.notFound(id));
    }

    /** CloudKitty's deprecated name for the same thing. */
    @GET
    @Path("services")
    public Map<String, Object> services() {
        return metrics();
    }

    @GET
    @Path("services/{id}")
    public Map<String, Object> service(@PathParam("id") String id) {
        return metric(id);
    }

    private static Map<String, Object> view(MetricDefinition definition) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("metric_id", definition.ratingType());
        view.put("unit", definition.unit());
        view.put("metadata", List.copyOf(definition.metadata()));
        return view;
    }
}
