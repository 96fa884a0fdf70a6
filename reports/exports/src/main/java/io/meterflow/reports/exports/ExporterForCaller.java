package io.meterflow.reports.exports;

/**
 * The exporter to use for one HTTP caller: in a Keystone deployment each caller's token goes on to
 * Gnocchi, so a project sees only its own resources, as it would asking Gnocchi itself.
 */
@FunctionalInterface
public interface ExporterForCaller {

    /** @param authToken the caller's {@code X-Auth-Token}, null when it sent none */
    CapacityQuery exporterFor(String authToken);

    /** The same exporter, and identity, for every caller (noauth or basic deployments). */
    static ExporterForCaller shared(CapacityQuery exporter) {
        return token -> exporter;
    }
}
