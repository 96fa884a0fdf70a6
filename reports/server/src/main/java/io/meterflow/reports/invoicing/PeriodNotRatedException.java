package io.meterflow.reports.invoicing;

import io.meterflow.reports.api.ConflictException;
import java.util.List;
import java.util.Map;

/**
 * An invoice run for a period some scopes are not rated through yet: no invoice is made from an
 * incomplete period. {@link #missing()} lists each scope, how far it is rated and what is needed.
 */
public final class PeriodNotRatedException extends ConflictException {

    public PeriodNotRatedException(String period, List<Map<String, String>> missing) {
        super(
                "period " + period + " is not fully rated yet: " + missing.size() + " scope(s) behind, e.g. "
                        + missing.get(0).get("scope_id") + " rated until "
                        + missing.get(0).get("rated_until"),
                missing);
    }
}
