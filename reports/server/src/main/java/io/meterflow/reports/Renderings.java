package io.meterflow.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.meterflow.reports.invoicing.DocumentJson;
import io.meterflow.reports.invoicing.Rendering;
import java.util.LinkedHashMap;
import java.util.Map;

/** The downloadable forms of an invoice this service renders, by the name the API uses. */
final class Renderings {

    private Renderings() {}

    static Map<String, Rendering> create(ObjectMapper json) {
        Map<String, Rendering> renderings = new LinkedHashMap<>();
        renderings.put("json", new Rendering("application/json", "json", document -> {
            try {
                return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(DocumentJson.write(document));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }));
        return renderings;
    }
}
