package io.meterflow.demo.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoStateStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void historyStartsSixHoursBeforeTheHourOrBeforeMidnight() {
        assertThat(DemoStateStore.historyStart(Instant.parse("2026-12-07T03:25:00Z")))
                .isEqualTo(Instant.parse("2026-12-06T18:00:00Z"));
        assertThat(DemoStateStore.historyStart(Instant.parse("2026-12-07T14:25:00Z")))
                .isEqualTo(Instant.parse("2026-12-06T18:00:00Z"));
    }

    @Test
    void theHistoryIsDetailedForTheTwoHoursBeforeTheFirstStartsHour() {
        assertThat(DemoStateStore.detailedFrom(Instant.parse("2026-12-07T14:25:00Z")))
                .isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
        DemoState fresh = DemoState.fresh(
                Instant.parse("2026-12-06T18:00:00Z"),
                DemoStateStore.detailedFrom(Instant.parse("2026-12-06T19:10:00Z")));
        assertThat(fresh.detailedFrom()).as("never before the history").isEqualTo(fresh.historyStart());
    }

    @Test
    void aStateSavedBeforeDetailedHoursExistedIsDetailedThroughout(@TempDir Path directory) throws Exception {
        java.nio.file.Files.writeString(
                directory.resolve("state.json"),
                "{\"history_start\": \"2026-12-06T18:00:00Z\", \"sent_until\": \"2026-12-07T14:20:00Z\","
                        + " \"prices_seeded\": true, \"billing_seeded\": true}");
        DemoState old = new DemoStateStore(directory, JSON)
                .loadOrCreate(Clock.fixed(Instant.parse("2026-12-07T15:00:00Z"), ZoneOffset.UTC));
        assertThat(old.detailedFrom()).isEqualTo(old.historyStart());
    }

    @Test
    void aRestartKeepsTheHistoryStartAndWhatWasSent(@TempDir Path directory) {
        Clock first = Clock.fixed(Instant.parse("2026-12-07T14:25:00Z"), ZoneOffset.UTC);
        DemoStateStore store = new DemoStateStore(directory, JSON);
        DemoState created = store.loadOrCreate(first);
        store.update(s -> s.withSentUntil(Instant.parse("2026-12-07T14:20:00Z")).withPricesSeeded());

        Clock later = Clock.fixed(Instant.parse("2026-12-09T10:00:00Z"), ZoneOffset.UTC);
        DemoState reloaded = new DemoStateStore(directory, JSON).loadOrCreate(later);
        assertThat(reloaded.historyStart()).isEqualTo(created.historyStart());
        assertThat(reloaded.detailedFrom()).isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
        assertThat(reloaded.sentUntil()).isEqualTo(Instant.parse("2026-12-07T14:20:00Z"));
        assertThat(reloaded.pricesSeeded()).isTrue();
        assertThat(reloaded.billingSeeded()).isFalse();
    }
}
