package io.meterflow.rating.hashmap;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hashmap services (one per rating type) and the fields of each, in creation order: the order
 * CloudKitty reads them in, which decides which of two equal threshold levels wins.
 */
public record ServiceCatalog(Map<String, List<String>> fieldsByService) {

    public ServiceCatalog {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        fieldsByService.forEach((service, fields) -> copy.put(service, List.copyOf(fields)));
        fieldsByService = Collections.unmodifiableMap(copy);
    }
}
