package io.meterflow.reports.exports;

import java.io.IOException;
import java.io.OutputStream;

/** Renders an export table into a stream; one implementation per {@link ExportFormat}. */
public sealed interface ExportWriter permits CsvExportWriter, JsonExportWriter, PngExportWriter, SvgExportWriter {

    /** Writes the whole rendering; does not close {@code out}. */
    void write(ExportTable table, OutputStream out) throws IOException;
}
