package io.meterflow.reports.exports;

import java.io.IOException;
import java.io.OutputStream;
import org.jfree.chart.ChartUtils;

/** A 1200×600 PNG line chart, one line per group. Needs no display ({@code java.awt.headless=true}). */
public final class PngExportWriter implements ExportWriter {

    @Override
    public void write(ExportTable table, OutputStream out) throws IOException {
        ChartUtils.writeChartAsPNG(out, CapacityChart.of(table), CapacityChart.WIDTH, CapacityChart.HEIGHT);
        out.flush();
    }
}
