package io.meterflow.reports.exports;

/**
 * Answers capacity exports. The port the HTTP resource and the command line use; its adapter is
 * {@link CapacityExporter}, on the Gnocchi API.
 */
@FunctionalInterface
public interface CapacityQuery {

    /**
     * @throws io.meterflow.gnocchiclient.error.GnocchiException when the time-series API refuses or
     *     cannot be reached
     */
    ExportTable run(CapacityExport export);
}
