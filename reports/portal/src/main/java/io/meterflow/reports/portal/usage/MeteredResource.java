package io.meterflow.reports.portal.usage;

import java.util.List;
import java.util.Objects;

/**
 * A resource of the signed-in project as the time-series API indexes it.
 *
 * @param id     the time-series API's id
 * @param type   its resource type (instance, volume...)
 * @param name   the id it was created with (Nova's or Cinder's), shown to the tenant
 * @param meters the names of its metrics
 */
public record MeteredResource(String id, String type, String name, List<String> meters) {

    public MeteredResource {
        Objects.requireNonNull(id, "id");
        meters = List.copyOf(meters);
    }
}
