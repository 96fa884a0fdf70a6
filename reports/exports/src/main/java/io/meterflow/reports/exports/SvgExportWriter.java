package io.meterflow.reports.exports;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jfree.svg.SVGGraphics2D;

/**
 * The PNG's chart as SVG (JFreeSVG): scales without blur in a browser or a slide, and its legend
 * and titles stay text that can be searched.
 */
public final class SvgExportWriter implements ExportWriter {

    @Override
    public void write(ExportTable table, OutputStream out) throws IOException {
        SVGGraphics2D svg = new SVGGraphics2D(CapacityChart.WIDTH, CapacityChart.HEIGHT);
        CapacityChart.of(table).draw(svg, new Rectangle2D.Double(0, 0, CapacityChart.WIDTH, CapacityChart.HEIGHT));
        // No DOCTYPE (getSVGDocument's): SVG 2 drops it, and hardened XML readers refuse to fetch its DTD.
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.getSVGElement() + "\n";
        out.write(document.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
