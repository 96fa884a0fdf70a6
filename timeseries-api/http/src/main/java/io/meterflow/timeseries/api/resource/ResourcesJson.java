package io.meterflow.timeseries.api.resource;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.timeseries.resource.Resource;
import io.meterflow.timeseries.resourcetype.ResourceType;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a listing of resources straight to the response stream, with the server's JSON
 * settings (Python's separators): a search answering 500 resources builds no map per resource.
 */
public final class ResourcesJson {

    private final ObjectMapper json;

    public ResourcesJson(ObjectMapper json) {
        this.json = json;
    }

    /**
     * {@code shownType} gives the type whose attributes a resource shows (null: generic fields
     * only); {@code shown} selects the fields, all when null.
     */
    public StreamingOutput of(List<Resource> resources, Function<Resource, ResourceType> shownType, Set<String> shown) {
        return output -> {
            try (JsonGenerator generator = json.getFactory().createGenerator(output)) {
                generator.setPrettyPrinter(json.getSerializationConfig().getDefaultPrettyPrinter());
                generator.writeStartArray();
                for (Resource resource : resources) {
                    ResourceView.write(generator, resource, shownType.apply(resource), shown);
                }
                generator.writeEndArray();
            }
        };
    }
}
