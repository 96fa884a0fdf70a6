package io.meterflow.reports.exports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The line chart of an export, one line per group (and per metric when there are several), sized
 * to be read at {@link #WIDTH}×{@link #HEIGHT}. Shared by the PNG and SVG writers so both draw the same.
 */
final class CapacityChart {

    static final int WIDTH = 1200;
    static final int HEIGHT = 600;

    /** Beyond this many lines a legend takes the chart's room and its colours repeat: it is left out. */
    static final int MAX_LEGEND_ITEMS = 24;

    // Okabe and Ito's colour-blind-safe palette, black left out for the axes; JFreeChart's default
    // palette has a yellow that vanishes on white.
    private static final List<Color> PALETTE = List.of(
            new Color(0xE69F00),
            new Color(0x56B4E9),
            new Color(0x009E73),
            new Color(0xD55E00),
            new Color(0x0072B2),
            new Color(0xCC79A7),
            new Color(0xF0E442).darker(),
            Color.GRAY);

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private CapacityChart() {}

    static JFreeChart of(ExportTable table) {
        CapacityExport export = table.export();
        JFreeChart chart = ChartFactory.createTimeSeriesChart(
                title(export), "time (UTC)", valueAxisLabel(export), dataset(table), true, false, false);
        chart.addSubtitle(new TextTitle(
                export.start() + " to " + export.stop() + ", every "
                        + export.granularity().toSeconds() + " s, "
                        + export.resourceType() + " resources"
                        + (export.filter().isEmpty() ? "" : " where " + export.filter()),
                new Font(Font.SANS_SERIF, Font.PLAIN, 14)));
        int lines = chart.getXYPlot().getDataset().getSeriesCount();
        if (lines > MAX_LEGEND_ITEMS) {
            chart.getLegend().setVisible(false);
            chart.addSubtitle(new TextTitle(
                    lines + " lines, too many to name: filter the export, or read its CSV or JSON",
                    new Font(Font.SANS_SERIF, Font.ITALIC, 12)));
        }
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        // Times are UTC everywhere in an export; the chart must not shift them to the JVM's zone.
        DateAxis time = (DateAxis) plot.getDomainAxis();
        time.setTimeZone(UTC);
        // The whole period asked, so exports of the same period line up even where data is missing.
        time.setRange(Date.from(export.start()), Date.from(export.stop()));
        // 1,500,000,000 rather than 1.5E9: nanoseconds of CPU and bytes are large.
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(new DecimalFormat("#,##0.###", SYMBOLS));
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        // Points marked too: a group with a single point would otherwise draw nothing.
        renderer.setDefaultShapesVisible(true);
        for (int series = 0; series < plot.getDataset().getSeriesCount(); series++) {
            renderer.setSeriesStroke(series, new BasicStroke(2f));
            renderer.setSeriesPaint(series, PALETTE.get(series % PALETTE.size()));
        }
        return chart;
    }

    static String title(CapacityExport export) {
        String metrics = String.join(
                ", ",
                export.metrics().stream()
                        .map(metric ->
                                metric.reaggregation() + " of " + metric.metric() + " (" + metric.aggregation() + ")")
                        .toList());
        return export.groupBy().isEmpty() ? metrics : metrics + " by " + String.join(", ", export.groupBy());
    }

    static String valueAxisLabel(CapacityExport export) {
        return String.join(
                ", ",
                export.metrics().stream()
                        .map(metric -> metric.column() + (metric.unit() == null ? "" : " (" + metric.unit() + ")"))
                        .toList());
    }

    private static TimeSeriesCollection dataset(ExportTable table) {
        List<String> columns = table.export().columns();
        TimeSeriesCollection dataset = new TimeSeriesCollection(UTC);
        for (Map.Entry<String, List<ExportRow>> group : table.byGroup().entrySet()) {
            for (int column = 0; column < columns.size(); column++) {
                String name = columns.size() == 1 ? group.getKey() : group.getKey() + " · " + columns.get(column);
                TimeSeries series = new TimeSeries(name);
                for (ExportRow row : group.getValue()) {
                    double value = row.values().get(column);
                    // A null point is a gap in the line, not a drop to zero.
                    series.addOrUpdate(
                            new FixedMillisecond(Date.from(row.timestamp())), Double.isFinite(value) ? value : null);
                }
                dataset.addSeries(series);
            }
        }
        return dataset;
    }
}
