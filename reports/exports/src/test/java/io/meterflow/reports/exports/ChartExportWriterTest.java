package io.meterflow.reports.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ChartExportWriterTest {

    @Test
    void drawsADecodablePngOf1200By600() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new PngExportWriter().write(SampleTables.byHostAndFlavor(), out);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getHeight()).isEqualTo(600);
    }

    @Test
    void drawsAnSvgDocumentNamingEverySeriesTheTitleAndTheAxes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new SvgExportWriter().write(SampleTables.byHostAndFlavor(), out);

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // The document must stand alone: no DTD or entity from the network.
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document svg = factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toByteArray()));
        assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(svg.getDocumentElement().getAttribute("width")).isIn("1200", "1200.0");
        assertThat(texts(svg))
                .contains(
                        "mean of cpu (mean), max of memory.usage (max) by host, flavor_name",
                        "time (UTC)",
                        "1,000,000,000",
                        "compute-1 / m1.small · cpu_mean",
                        "compute-1 / m1.small · memory.usage_max",
                        "compute-2, rack \"b\" / (none) · cpu_mean");
    }

    /** The vertical label is drawn as outlines in SVG, so it is read from the chart itself. */
    @Test
    void labelsTheValueAxisWithEachColumnAndItsUnit() {
        var chart = CapacityChart.of(SampleTables.byHostAndFlavor());

        assertThat(chart.getXYPlot().getRangeAxis().getLabel()).isEqualTo("cpu_mean (ns), memory.usage_max");
        assertThat(chart.getXYPlot().getDomainAxis().getLabel()).isEqualTo("time (UTC)");
    }

    @Test
    void namesSeriesByGroupAloneForOneMetric() {
        CapacityExport export = new CapacityExport(
                List.of(MetricAggregate.of("cpu", "mean")),
                null,
                List.of("host"),
                SampleTables.START,
                SampleTables.STOP,
                SampleTables.HOUR,
                null);
        ExportTable table =
                new ExportTable(export, List.of(SampleTables.row(List.of("compute-1"), SampleTables.START, 1)));

        var dataset = CapacityChart.of(table).getXYPlot().getDataset();

        assertThat(dataset.getSeriesCount()).isEqualTo(1);
        assertThat(String.valueOf(dataset.getSeriesKey(0))).isEqualTo("compute-1");
    }

    @Test
    void dropsTheLegendWhenTooManyLinesWouldHideThePlot() {
        CapacityExport export = new CapacityExport(
                List.of(MetricAggregate.of("cpu", "mean")),
                null,
                List.of("host"),
                SampleTables.START,
                SampleTables.STOP,
                SampleTables.HOUR,
                null);
        List<ExportRow> rows = new ArrayList<>();
        for (int host = 0; host <= CapacityChart.MAX_LEGEND_ITEMS; host++) {
            rows.add(SampleTables.row(List.of("compute-" + host), SampleTables.START, host));
        }

        var chart = CapacityChart.of(new ExportTable(export, rows));

        assertThat(chart.getLegend().isVisible()).isFalse();
        assertThat(chart.getSubtitleCount()).isEqualTo(3); // legend, period, and the note
    }

    private static List<String> texts(Document svg) {
        NodeList nodes = svg.getElementsByTagNameNS("*", "text");
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
