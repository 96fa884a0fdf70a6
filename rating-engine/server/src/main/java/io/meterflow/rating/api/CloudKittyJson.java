package io.meterflow.rating.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.jackson.JacksonFeature;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.io.IOException;

/**
 * The JSON of CloudKitty's API: Python's separators ({@code ", "} and {@code ": "}), since clients
 * and CloudKitty's own tests match response text ({@code '"module_id": "hashmap"'}), and decimals
 * read exactly. The environment's mapper stays Dropwizard's (docs/services.md).
 */
public final class CloudKittyJson {

    private CloudKittyJson() {}

    public static ObjectMapper newObjectMapper() {
        ObjectMapper json = Jackson.newObjectMapper();
        json.setDefaultPrettyPrinter(new PythonSeparators());
        json.enable(SerializationFeature.INDENT_OUTPUT);
        json.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        return json;
    }

    /** Registers {@code json} before Dropwizard registers its own provider (Jersey keeps the first). */
    public static void install(JerseyEnvironment jersey, ObjectMapper json) {
        jersey.register(new JacksonFeature(json));
    }

    private static final class PythonSeparators extends MinimalPrettyPrinter {
        private static final long serialVersionUID = 1L;

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
            generator.writeRaw(", ");
        }
    }
}
