package io.meterflow.reports.portal.page;

import io.meterflow.reports.portal.cost.DayCost;
import io.meterflow.reports.portal.usage.UsagePoint;
import io.meterflow.reports.portal.usage.UsageSeries;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Charts drawn on the server as inline SVG: no script, no chart library to ship or keep patched,
 * and a page that works with JavaScript off. Values only become coordinates here; every label is
 * escaped.
 */
final class SvgCharts {

    static final String[] COLOURS = {"#2563eb", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#0ea5e9", "#ec4899"};

    private static final int WIDTH = 960;
    private static final int HEIGHT = 260;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 32;

    private SvgCharts() {}

    /** One bar per day: the daily cost series. */
    static String dailyBars(List<DayCost> days, Currency currency) {
        BigDecimal max = days.stream().map(DayCost::cost).reduce(BigDecimal.ZERO, BigDecimal::max);
        double top = niceCeiling(max.doubleValue());
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = open("Daily cost", "daily-chart");
        grid(svg, top, value -> Figures.amount(BigDecimal.valueOf(value), currency));
        double slot = plotWidth / Math.max(days.size(), 1);
        for (int i = 0; i < days.size(); i++) {
            DayCost day = days.get(i);
            double h = top == 0 ? 0 : day.cost().doubleValue() / top * plotHeight;
            double x = LEFT + i * slot + slot * 0.15;
            svg.append("<rect class=\"day-bar\" x=\"")
                    .append(f(x))
                    .append("\" y=\"")
                    .append(f(TOP + plotHeight - h))
                    .append("\" width=\"")
                    .append(f(slot * 0.7))
                    .append("\" height=\"")
                    .append(f(h))
                    .append("\"><title>")
                    .append(day.day())
                    .append(": ")
                    .append(Html.escape(Figures.amount(day.cost(), currency)))
                    .append("</title></rect>");
            if (days.size() <= 16 || i % 2 == 0) {
                svg.append("<text class=\"axis\" text-anchor=\"middle\" x=\"")
                        .append(f(LEFT + i * slot + slot / 2))
                        .append("\" y=\"")
                        .append(HEIGHT - 10)
                        .append("\">")
                        .append(day.day().getDayOfMonth())
                        .append("</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** One line per resource: a meter's measures over the chosen period. */
    static String usageLines(List<UsageSeries> series, Instant from, Instant to) {
        double max = series.stream()
                .flatMap(s -> s.points().stream())
                .mapToDouble(UsagePoint::value)
                .max()
                .orElse(0);
        double top = niceCeiling(max);
        double plotWidth = WIDTH - LEFT - RIGHT;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double span = Math.max(to.toEpochMilli() - from.toEpochMilli(), 1);
        StringBuilder svg = open("Usage", "usage-chart");
        grid(svg, top, Figures::measure);
        DateTimeFormatter label =
                DateTimeFormatter.ofPattern("MMM d", Locale.US).withZone(ZoneOffset.UTC);
        for (int i = 0; i <= 4; i++) {
            Instant at = Instant.ofEpochMilli(from.toEpochMilli() + Math.round(span * i / 4));
            // The first and last labels lean inwards so that neither is cut at the chart's edge.
            String anchor = i == 0 ? "start" : i == 4 ? "end" : "middle";
            svg.append("<text class=\"axis\" text-anchor=\"")
                    .append(anchor)
                    .append("\" x=\"")
                    .append(f(LEFT + plotWidth * i / 4))
                    .append("\" y=\"")
                    .append(HEIGHT - 10)
                    .append("\">")
                    .append(label.format(at))
                    .append("</text>");
        }
        for (int s = 0; s < series.size(); s++) {
            StringBuilder points = new StringBuilder();
            for (UsagePoint p : series.get(s).points()) {
                double x = LEFT + (p.timestamp().toEpochMilli() - from.toEpochMilli()) / span * plotWidth;
                double y = TOP + plotHeight - (top == 0 ? 0 : p.value() / top * plotHeight);
                points.append(f(x)).append(',').append(f(y)).append(' ');
            }
            svg.append("<polyline class=\"line\" fill=\"none\" stroke-width=\"2\" stroke=\"")
                    .append(COLOURS[s % COLOURS.length])
                    .append("\" points=\"")
                    .append(points.toString().trim())
                    .append("\"><title>")
                    .append(Html.escape(series.get(s).resourceId()))
                    .append("</title></polyline>");
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title, String id) {
        return new StringBuilder("<svg class=\"chart\" id=\"")
                .append(id)
                .append("\" viewBox=\"0 0 ")
                .append(WIDTH)
                .append(' ')
                .append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"")
                .append(title)
                .append("\" preserveAspectRatio=\"none\">");
    }

    private static void grid(StringBuilder svg, double top, java.util.function.DoubleFunction<String> label) {
        double plotHeight = HEIGHT - TOP - BOTTOM;
        for (int i = 0; i <= 4; i++) {
            double y = TOP + plotHeight - plotHeight * i / 4;
            svg.append("<line class=\"grid\" x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(f(y))
                    .append("\" y2=\"")
                    .append(f(y))
                    .append("\"/><text class=\"axis\" text-anchor=\"end\" x=\"")
                    .append(LEFT - 8)
                    .append("\" y=\"")
                    .append(f(y + 4))
                    .append("\">")
                    .append(Html.escape(label.apply(top * i / 4)))
                    .append("</text>");
        }
    }

    /** 1, 2, 2.5 or 5 times a power of ten at or above {@code value}: round gridline labels. */
    static double niceCeiling(double value) {
        if (!(value > 0)) {
            return 0;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
