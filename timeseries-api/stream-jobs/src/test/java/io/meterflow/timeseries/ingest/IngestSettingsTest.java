package io.meterflow.timeseries.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aConfiguredCacheBoundIsKeptAsIs() throws Exception {
        IngestSettings settings = json.readValue("{\"cachedBufferBytes\": 1048576}", IngestSettings.class);

        assertThat(settings.cachedBufferBytes()).isEqualTo(1L << 20);
    }

    @Test
    void theDefaultCacheBoundSharesAQuarterOfTheHeapOverThePartitions() throws Exception {
        IngestSettings settings = json.readValue("{\"partitions\": 4}", IngestSettings.class);

        assertThat(settings.cachedBufferBytes())
                .isEqualTo(Math.max(8L << 20, Runtime.getRuntime().maxMemory() / 4 / 4));
    }

    @Test
    void theDefaultCacheBoundNeverFallsBelowEightMebibytes() throws Exception {
        IngestSettings settings = json.readValue("{\"partitions\": 100000}", IngestSettings.class);

        assertThat(settings.cachedBufferBytes()).isEqualTo(8L << 20);
    }

    @Test
    void twoStreamThreadsByDefault() {
        assertThat(new IngestSettings().aggregatorThreads()).isEqualTo(2);
    }
}
