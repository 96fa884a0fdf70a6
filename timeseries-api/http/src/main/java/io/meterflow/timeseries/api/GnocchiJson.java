package io.meterflow.timeseries.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.jackson.JacksonFeature;
import io.dropwizard.jersey.setup.JerseyEnvironment;

/**
 * The JSON of Gnocchi's API, which its clients and tests read byte for byte: an ObjectMapper of
 * this API's own, so that its quirks never leak into the JSON of another service that shares the
 * process (the all-in-one) or into Dropwizard's admin pages.
 */
public final class GnocchiJson {

    private GnocchiJson() {}

    /** A new mapper with Gnocchi's quirks, Dropwizard's modules otherwise. */
    public static ObjectMapper newObjectMapper() {
        ObjectMapper json = Jackson.newObjectMapper();
        // Gnocchi writes NaN and Infinity as bare literals and accepts them in bodies.
        json.configure(JsonGenerator.Feature.QUOTE_NON_NUMERIC_NUMBERS, false);
        json.configure(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS, true);
        // Correctly rounded like Double.parseDouble, several times faster: bodies are mostly numbers.
        json.configure(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature(), true);
        // Python's separators (", " and ": "): some clients and tests match response text.
        json.setDefaultPrettyPrinter(new PythonStyleJsonPrinter());
        json.enable(SerializationFeature.INDENT_OUTPUT);
        return json;
    }

    /**
     * Makes {@code json} the mapper the Jersey of this API reads and writes entities with.
     * Dropwizard registers its own {@link JacksonFeature} (with the environment's mapper) when it
     * builds the server, after the application's {@code run}; Jersey keeps the first registration
     * of a provider class and ignores later ones, so this one must come first, from {@code run}.
     */
    public static void install(JerseyEnvironment jersey, ObjectMapper json) {
        jersey.register(new JacksonFeature(json));
    }
}
