package io.meterflow.timeseries.api;

import java.net.URI;
import java.net.URISyntaxException;

/** Location headers of created objects, with names percent-encoded as path segments. */
public final class Locations {

    private Locations() {}

    /** A path relative to the application root; JAX-RS makes it absolute against the request. */
    public static URI of(String collection, String name) {
        try {
            return new URI(null, null, "/v1/" + collection + "/" + name, null);
        } catch (URISyntaxException impossible) {
            throw new IllegalArgumentException("cannot build a location for " + name, impossible);
        }
    }
}
