package io.meterflow.gnocchiclient.internal;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON configuration Gnocchi's answers need. */
public final class GnocchiJson {

    private GnocchiJson() {}

    /**
     * Gnocchi prints NaN and Infinity as bare literals (Python's json module does), which strict
     * JSON rejects; a measure of NaN is legal there, so the reader must accept them.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
    }
}
