package io.meterflow.reports.portal.page;

import io.meterflow.reports.portal.ProjectId;

/** The shell every portal page shares: head, top bar with the signed-in project, navigation. */
final class Layout {

    private Layout() {}

    /** A page of a signed-in project; {@code active} is the navigation entry to highlight. */
    static String page(String title, ProjectId project, String active, String body) {
        return head(title) + "<header class=\"topbar\"><div class=\"brand\">Meterflow <span>cloud billing</span></div>"
                + "<nav>" + link("/portal", "Overview", active) + link("/portal/usage", "Usage", active) + "</nav>"
                + "<div class=\"who\"><span class=\"project\" id=\"project\">" + Html.escape(project.value())
                + "</span><form method=\"post\" action=\"/portal/signout\"><button type=\"submit\" class=\"link\">"
                + "Sign out</button></form></div></header><main>" + body + "</main></body></html>";
    }

    /** A page without a session (sign-in, errors). */
    static String bare(String title, String body) {
        return head(title) + "<header class=\"topbar\"><div class=\"brand\">Meterflow <span>cloud billing</span></div>"
                + "</header><main class=\"narrow\">" + body + "</main></body></html>";
    }

    private static String head(String title) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title) + " · Meterflow</title>"
                + "<link rel=\"stylesheet\" href=\"/portal/assets/portal.css\"></head><body>";
    }

    private static String link(String href, String label, String active) {
        return "<a href=\"" + href + "\"" + (label.equals(active) ? " class=\"active\"" : "") + ">" + label + "</a>";
    }
}
