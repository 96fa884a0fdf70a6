package io.meterflow.rating.dataframes;

import io.meterflow.rating.api.CloudKittyError;
import io.meterflow.rating.api.Timestamps;
import java.time.Clock;
import java.time.Instant;

/** The period a read covers: the given bounds, else the current month in UTC, as CloudKitty. */
final class Periods {

    private Periods() {}

    static Instant beginOr(String text, Clock clock) {
        return text == null ? Timestamps.monthStart(clock.instant()) : parse("begin", text);
    }

    static Instant endOr(String text, Clock clock) {
        return text == null ? Timestamps.nextMonthStart(clock.instant()) : parse("end", text);
    }

    static Instant parse(String name, String text) {
        return Timestamps.parse(text)
                .orElseThrow(() -> CloudKittyError.badRequest(
                        "Invalid data: invalid date for " + name + ": '" + text + "' (path: '" + name + "')"));
    }
}
