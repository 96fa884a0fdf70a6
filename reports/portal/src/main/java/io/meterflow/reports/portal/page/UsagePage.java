package io.meterflow.reports.portal.page;

import io.meterflow.reports.portal.ProjectId;
import io.meterflow.reports.portal.usage.MeteredResource;
import io.meterflow.reports.portal.usage.UsagePoint;
import io.meterflow.reports.portal.usage.UsageSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Usage graphs: one meter of the project's resources (or of one) over a chosen period. */
public final class UsagePage {

    /** What the tenant chose: meter, optional resource, and the days [from, to] inclusive. */
    public record Choice(String meter, Optional<String> resourceId, LocalDate from, LocalDate to) {}

    private UsagePage() {}

    public static String render(
            ProjectId project,
            List<MeteredResource> resources,
            List<String> meters,
            Choice choice,
            Instant from,
            Instant to,
            List<UsageSeries> series) {
        StringBuilder body = new StringBuilder("<div class=\"title\"><h1>Usage</h1><span class=\"muted\">")
                .append("measures from the metering service, per resource</span></div>");
        body.append(form(resources, meters, choice));
        body.append("<section class=\"panel\"><h2>")
                .append(Html.escape(choice.meter()))
                .append("</h2>");
        if (series.isEmpty()) {
            body.append("<p class=\"muted\" id=\"no-usage\">No measures in this period.</p>");
        } else {
            body.append(SvgCharts.usageLines(series, from, to)).append(summary(resources, series));
        }
        body.append("</section>");
        return Layout.page("Usage", project, "Usage", body.toString());
    }

    private static String form(List<MeteredResource> resources, List<String> meters, Choice choice) {
        StringBuilder form =
                new StringBuilder("<form class=\"filters panel\" method=\"get\" action=\"/portal/usage\">");
        form.append("<label>Meter <select name=\"meter\">");
        for (String meter : meters) {
            form.append(option(meter, meter, meter.equals(choice.meter())));
        }
        form.append("</select></label><label>Resource <select name=\"resource\">")
                .append(option("", "all resources", choice.resourceId().isEmpty()));
        for (MeteredResource resource : resources) {
            form.append(option(
                    resource.id(),
                    resource.name() + " (" + resource.type() + ")",
                    choice.resourceId().map(resource.id()::equals).orElse(false)));
        }
        form.append("</select></label><label>From <input type=\"date\" name=\"from\" value=\"")
                .append(choice.from())
                .append("\"></label><label>To <input type=\"date\" name=\"to\" value=\"")
                .append(choice.to())
                .append("\"></label><button type=\"submit\">Show</button></form>");
        return form.toString();
    }

    private static String option(String value, String label, boolean selected) {
        return "<option value=\"" + Html.escape(value) + "\"" + (selected ? " selected" : "") + ">" + Html.escape(label)
                + "</option>";
    }

    private static String summary(List<MeteredResource> resources, List<UsageSeries> series) {
        Map<String, MeteredResource> byId =
                resources.stream().collect(Collectors.toMap(MeteredResource::id, Function.identity(), (a, b) -> a));
        StringBuilder out = new StringBuilder("<table><thead><tr><th></th><th>resource</th><th>granularity</th>"
                + "<th class=\"num\">points</th><th class=\"num\">min</th><th class=\"num\">mean</th>"
                + "<th class=\"num\">max</th></tr></thead><tbody>");
        for (int i = 0; i < series.size(); i++) {
            UsageSeries s = series.get(i);
            var stats = s.points().stream().mapToDouble(UsagePoint::value).summaryStatistics();
            MeteredResource resource = byId.get(s.resourceId());
            out.append("<tr class=\"series\"><td><span class=\"swatch\"><svg width=\"12\" height=\"12\">")
                    .append("<rect width=\"12\" height=\"12\" rx=\"2\" fill=\"")
                    .append(SvgCharts.COLOURS[i % SvgCharts.COLOURS.length])
                    .append("\"/></svg></span></td><td>")
                    .append(Html.escape(resource == null ? s.resourceId() : resource.name()))
                    .append("</td><td>")
                    .append(s.granularity().toSeconds())
                    .append(" s</td><td class=\"num\">")
                    .append(stats.getCount())
                    .append("</td><td class=\"num\">")
                    .append(stats.getCount() == 0 ? "" : Figures.measure(stats.getMin()))
                    .append("</td><td class=\"num\">")
                    .append(stats.getCount() == 0 ? "" : Figures.measure(stats.getAverage()))
                    .append("</td><td class=\"num\">")
                    .append(stats.getCount() == 0 ? "" : Figures.measure(stats.getMax()))
                    .append("</td></tr>");
        }
        return out.append("</tbody></table>").toString();
    }
}
