package io.meterflow.gnocchiclient.error;

import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 503: the service is there but cannot answer now (starting, its indexer or storage down).
 * Worth retrying, after {@link #retryAfter} when the server said how long.
 */
public final class GnocchiUnavailableException extends GnocchiApiException {

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    /** {@code retryAfter} may be null: the server sent no {@code Retry-After} in seconds. */
    public GnocchiUnavailableException(String title, GnocchiErrorDescription description, Duration retryAfter) {
        super(503, title, description);
        this.retryAfter = retryAfter;
    }

    /** The {@code Retry-After} delay, when sent as seconds (an HTTP date is not interpreted). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
