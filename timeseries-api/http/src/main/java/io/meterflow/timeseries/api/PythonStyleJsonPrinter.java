package io.meterflow.timeseries.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;

/**
 * Writes JSON on one line with Python's default separators, {@code ", "} and {@code ": "}, as
 * Gnocchi's responses are: clients that match response text see the same bytes.
 */
public final class PythonStyleJsonPrinter extends MinimalPrettyPrinter {

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
